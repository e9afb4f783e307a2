// The UI chunk's script entry (widget-ui.<hash>.js): hands `mountSurvey` to the
// loader through an event on its own <script> element, so it adds no global
// and its Preact stays private to it.
import { UI_READY_EVENT } from '../survey-view';
import { mountSurvey } from './mount-survey';

document.currentScript?.dispatchEvent(new CustomEvent(UI_READY_EVENT, { detail: mountSurvey }));
