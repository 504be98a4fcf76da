// No web fonts here: an embed keeps its transfer small and uses the host's system fonts.
import '../../lib/app/styles.css';
import './embed.css';
import { mount } from 'svelte';
import Embed from '../../lib/embed/Embed.svelte';
import { siteRoot } from '../../lib/state/paths';

mount(Embed, { target: document.getElementById('app')!, props: { search: location.search, base: siteRoot() } });
