/** English messages for the methods, sources and data-quality page. */
const messages: Record<string, string> = {
  'methods.title': 'Methods and sources',
  'methods.intro':
    'The atlas shows figures published by the Syrian Network for Human Rights (SNHR), each traced to the report it came from. This page says how figures are chosen and shown, what was published and what was not, what the checks found, and lists every source.',
  'methods.minimum.title': 'Documented minimums',
  'methods.minimum.body':
    'SNHR counts only what its team documented: each victim by name, date and place of death, each attack by place and date. Its figures are minimums; the true numbers are higher. Early reports (2011–2015) counted fighters too; those figures are labelled “persons” and never drawn in a series of civilians.',
  'methods.rules.title': 'How the atlas chooses a figure',
  'methods.rules.1':
    'Every number on screen is a row of the dataset with its source: publisher, title, date and address. Figures read at an outlet quoting SNHR are marked as such.',
  'methods.rules.2':
    'Nothing is estimated, interpolated, or spread over governorates or parties. Where SNHR published no governorate table for a period, the map shows the gap, the national figure, and the nearest periods that have a table.',
  'methods.rules.3':
    'Areas that a source published as one figure (for example Damascus and Rif Dimashq) are drawn as one area. A governorate without a figure in a table (the source does not list it, or lists it in a part that could not be read) is shown as having no figure, never as zero.',
  'methods.rules.4':
    'When SNHR revised a figure, the latest publication is shown and the earlier one is listed beside it. When sources print two values for one figure, both are shown as a conflict.',
  'methods.rules.5':
    'Where the parties SNHR listed do not add up to its total, the remainder is drawn apart as “not attributed in the source”: it is computed, not published, and never exported as an SNHR figure.',
  'methods.measures.title': 'Measures',
  'methods.coverage.title': 'What was published: coverage',
  'methods.coverage.intro':
    'For each measure and year: T a national total, P n a split by n parties, G a governorate table, S governorate shares (percent) only, M n monthly national totals, p a total of persons (fighters included) only, V figures for children or women. An empty cell means nothing in the atlas’s sources.',
  'methods.coverage.ranges': 'Published for other periods',
  'methods.parties.title': 'Parties and the names SNHR used',
  'methods.parties.id': 'Atlas id',
  'methods.parties.name': 'Name in the atlas',
  'methods.parties.published': 'Names as published',
  'methods.parties.parent': 'listed under {parent}',
  'methods.quality.title': 'Data quality: what the checks found',
  'methods.quality.intro':
    'Every build checks parts against stated totals (by party, by governorate, children and women), months against years, half-years against their months and years, years against cumulative totals, and any period against the periods around it (a part of a period should not exceed the whole), and looks for duplicates, conflicts and revisions. Every finding is listed; none is hidden, and SNHR’s own inconsistencies are kept as published.',
  'methods.quality.none': 'The checks found nothing.',
  'methods.quality.kind.parts-vs-total': 'Parts and totals',
  'methods.quality.kind.months-vs-year': 'Months and years',
  'methods.quality.kind.years-vs-cumulative': 'Years and cumulative totals',
  'methods.quality.kind.half-year': 'Half-years, their months and years',
  'methods.quality.kind.nested-period': 'A period larger than the period around it',
  'methods.quality.kind.duplicate': 'Duplicates',
  'methods.quality.kind.conflict': 'Conflicting values',
  'methods.quality.kind.vintage': 'Revisions by SNHR',
  'methods.sources.title': 'Sources',
  'methods.sources.intro': '{count} published pages and reports. Each is listed with the figures taken from it.',
  'methods.sources.figures': '{count} figures',
  'methods.sources.primary': 'SNHR',
  'methods.sources.secondary': 'outlet quoting SNHR',
  'methods.geo.title': 'Boundaries',
  'methods.geo.body':
    'Governorate and country boundaries come from Natural Earth (public domain), installed with the site; no map tiles or other requests leave the site. Boundaries are for orientation and imply no position on any border.',
  'methods.data.title': 'The data',
  'methods.data.body':
    'The dataset is plain CSV in the project’s data folder, one row per published figure, and the JSON this site loads: {link}. Data version {version}.',
};
export default messages;
