import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '../../lib/app/styles.css';
import '../../lib/present/present.css';
import { mount } from 'svelte';
import Presenter from '../../lib/present/Presenter.svelte';

mount(Presenter, { target: document.getElementById('app')! });
