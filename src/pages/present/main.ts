import '../../lib/app/fonts.css';
import '../../lib/app/styles.css';
import '../../lib/present/present.css';
import { mount } from 'svelte';
import Presenter from '../../lib/present/Presenter.svelte';

mount(Presenter, { target: document.getElementById('app')! });
