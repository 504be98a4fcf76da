/**
 * Messages for keeping decks safe (a full deck, a kept deck that cannot be read, a damaged link, a
 * slide pinned to an unpublished data version). Not part of the explorer's first paint: added by
 * the components that show them (`addMessages`), like the methods page's part.
 */
const messages: Record<string, string> = {
  'deck.full': 'This deck already has {max} slides, the most a deck can hold: open it and delete a slide first. Nothing was added.',
  'deck.unreadable': 'A deck kept in this browser could not be read. It is kept aside, not deleted: download it to keep it or to mend it.',
  'deck.unreadableDownload': 'Download unreadable deck {n}',
  'deck.unreadableForget': 'Forget the unreadable decks',
  'deck.unreadableStart': 'Start a new deck with this view',
  'present.error.linkKeyFigures': 'The deck in this link could not be opened, so the key figures deck is shown instead. {reason}',
  'present.unknownVersion': 'Some slides are pinned to data version {versions}, which this atlas has not published; they show the latest figures.',
  'present.error.linkShown': 'The deck in this link could not be opened, so the deck on screen stays. {reason}',
  'deck.linked': 'This deck was opened from a link. The deck kept in this browser ({n} slides) is unchanged:',
  'deck.linkedChanges': 'Changes made to the deck on screen are not kept unless you keep it instead of yours.',
  'deck.linkedKeep': 'Keep this deck instead of mine',
  'deck.linkedOpenMine': 'Open my deck',
};
export default messages;
