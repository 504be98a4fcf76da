import '../../lib/app/fonts.css';
import '../../lib/app/styles.css';
import { mount } from 'svelte';
import { addMessages } from '../../lib/i18n/i18n.svelte';
import methods from '../../lib/i18n/en/methods';
import Methods from '../../lib/app/Methods.svelte';

addMessages(methods);
mount(Methods, { target: document.getElementById('app')! });
