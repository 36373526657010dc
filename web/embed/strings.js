// strings.js - the embed page's own strings (the widget brings its own).
'use strict';
var RnnEmbedStrings = {
  en: {
    pageTitle: '{title} — RNN widget',
    play: 'Play',
    pause: 'Pause',
    step: 'Step',
    reset: 'Reset',
    keysHint: 'Keys: space play/pause · → one step · r reset',
    otherLanguage: 'Português',
    unknownWidget: 'There is no widget “{id}”. Widgets: {list}.',
    noWidget: 'Name a widget in the link: embed.html?w=alphabet. Widgets: {list}.',
    ignored: 'Not understood in the link, defaults used: {keys}.',
    hashTooLong: 'The link\'s settings are longer than {max} characters, so none of them were used.',
  },
  pt: {
    pageTitle: '{title} — widget de RNN',
    play: 'Executar',
    pause: 'Pausar',
    step: 'Passo',
    reset: 'Recomeçar',
    keysHint: 'Teclas: espaço executa · → um passo · r recomeça',
    otherLanguage: 'English',
    unknownWidget: 'Não existe o widget “{id}”. Widgets: {list}.',
    noWidget: 'Indique um widget no link: embed.html?w=alphabet. Widgets: {list}.',
    ignored: 'Não entendido no link, valores padrão usados: {keys}.',
    hashTooLong: 'As configurações do link têm mais de {max} caracteres, por isso nenhuma foi usada.',
  },
};
