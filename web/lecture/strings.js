// strings.js - the deck's own strings (the slides carry theirs as lang pairs
// in lecture.html): the language button, the line shown while a widget has
// the keyboard, and the page title.
'use strict';
var RnnLectureStrings = {
  en: {
    otherLanguage: 'Português',
    widgetHasKeys: 'The example has the keyboard (space, →, r) — Esc gives it back to the slides',
    pageTitle: 'Lecture 2: the vanilla RNN',
  },
  pt: {
    otherLanguage: 'English',
    widgetHasKeys: 'O exemplo está com o teclado (espaço, →, r) — Esc devolve aos slides',
    pageTitle: 'Aula 2: a RNN vanilla',
  },
};
