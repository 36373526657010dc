// strings.js - the gallery page's strings (each widget brings its own title and summary).
'use strict';
var RnnGalleryStrings = {
  en: {
    pageTitle: 'Widgets for slides — vanilla RNN playground',
    title: 'Widgets for slides',
    subtitle: 'Each widget is one of the lecture\'s examples, computed by the C engine, ready to put on a slide.',
    otherLanguage: 'Português',
    navPlayground: '← Character-level playground',
    navL2E: 'Learning to execute →',
    howHeading: 'How to use them',
    howText: 'Copy the web/ folder next to your slides (it works offline, from disk), or use the published page\'s ' +
      'address. Click a widget to give it the keyboard: space plays or pauses, → takes one step, r resets. A deck ' +
      'can also drive it with postMessage (docs/widgets.md).',
    marpNote: 'Marp shows iframes only with HTML enabled: marp --html, or markdown.marp.enableHtml in VS Code.',
    preview: 'Live preview of {title}',
    openFull: 'Open it alone (full size) →',
    snippetIframe: 'Plain iframe (any HTML page)',
    snippetReveal: 'reveal.js (one slide)',
    snippetMarp: 'Marp (Markdown)',
    copy: 'Copy',
    copied: 'Copied',
    selected: 'Selected: press Ctrl+C',
  },
  pt: {
    pageTitle: 'Widgets para slides — playground de RNN simples',
    title: 'Widgets para slides',
    subtitle: 'Cada widget é um dos exemplos da aula, calculado pelo motor em C, pronto para entrar num slide.',
    otherLanguage: 'English',
    navPlayground: '← Playground de caracteres',
    navL2E: 'Aprendendo a executar →',
    howHeading: 'Como usar',
    howText: 'Copie a pasta web/ para junto dos seus slides (funciona offline, do disco), ou use o endereço da página ' +
      'publicada. Clique num widget para dar a ele o teclado: espaço executa ou pausa, → dá um passo, r recomeça. ' +
      'Uma apresentação também pode comandá-lo por postMessage (docs/widgets.md).',
    marpNote: 'O Marp só mostra iframes com HTML habilitado: marp --html, ou markdown.marp.enableHtml no VS Code.',
    preview: 'Prévia ao vivo de {title}',
    openFull: 'Abrir sozinho (tamanho cheio) →',
    snippetIframe: 'iframe simples (qualquer página HTML)',
    snippetReveal: 'reveal.js (um slide)',
    snippetMarp: 'Marp (Markdown)',
    copy: 'Copiar',
    copied: 'Copiado',
    selected: 'Selecionado: aperte Ctrl+C',
  },
};
