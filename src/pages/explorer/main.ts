import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '../../lib/app/styles.css';
import { mount } from 'svelte';
import Explorer from '../../lib/app/Explorer.svelte';

mount(Explorer, { target: document.getElementById('app')! });
