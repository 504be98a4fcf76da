import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '../../lib/app/styles.css';
import { mount } from 'svelte';
import Methods from '../../lib/app/Methods.svelte';

mount(Methods, { target: document.getElementById('app')! });
