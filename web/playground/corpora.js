// corpora.js - the built-in training texts. The two prose texts were written
// for this project (no third-party text); the others are generated here.
'use strict';
var RnnCorpora = (function () {
  var PT = [
    'A rede lê uma letra de cada vez. Ela não sabe o que é uma palavra, nem o que é uma frase;',
    'sabe apenas que depois de uma letra costuma vir outra, e guarda um pouco do que viu num',
    'estado escondido, um punhado de números que muda a cada passo.',
    '',
    'No começo, tudo o que ela escreve é ruído: letras soltas, espaços onde não devia haver,',
    'acentos perdidos no meio do nada. Depois de alguns passos, aparecem os espaços no lugar',
    'certo. Mais tarde, palavras curtas: a, o, de, que, uma. Então palavras maiores, e por fim',
    'algo que lembra uma frase, ainda que não queira dizer coisa alguma.',
    '',
    'O rio desce a serra devagar. Na margem, a menina conta as pedras e o menino conta os peixes.',
    'A mãe chama os dois para o almoço, mas o rio continua descendo, e as pedras continuam ali,',
    'e os peixes não se deixam contar. À tarde chove um pouco; à noite o céu abre e aparecem as',
    'estrelas, tantas que ninguém consegue contar também.',
    '',
    'Aprender é errar menos a cada vez. A rede erra, mede o erro, e ajusta os seus pesos um',
    'pouquinho na direção que faria o erro menor. Se o passo é grande demais, ela pula por cima',
    'do vale e o erro explode; se é pequeno demais, ela não sai do lugar. A taxa de aprendizado',
    'é o tamanho desse passo, e escolher bem esse número é metade do trabalho.',
    '',
    'Quando a sequência é longa, o gradiente precisa voltar no tempo, passo a passo, multiplicado',
    'pela mesma matriz de novo e de novo. Às vezes ele some; às vezes ele cresce sem parar.',
    'Por isso cortamos o gradiente quando a norma passa de um limite: é um freio simples que',
    'impede um único lote ruim de estragar tudo o que foi aprendido.',
    '',
    'Na feira de sábado, a banca de frutas abre cedo. Há manga, caju, goiaba e laranja; há',
    'também o vendedor que canta o preço de cada coisa, sempre na mesma ordem, como quem reza.',
    'Quem passa muitas vezes aprende a cantiga sem querer: depois de manga vem caju, depois de',
    'caju vem goiaba. A rede faz a mesma coisa com as letras, só que com milhares de cantigas.',
    '',
    'O estado escondido é a memória da rede. A cada letra nova, ele mistura o que já sabia com',
    'o que acabou de ver, passa tudo por uma tangente hiperbólica e segue adiante. Os mesmos',
    'pesos servem para todos os passos; é isso que deixa a rede ler textos de qualquer tamanho.',
    'Mas a memória é curta: o que ficou muito para trás se apaga aos poucos, como conversa de',
    'ônibus que a gente esquece antes de descer.',
    '',
    'Para medir o erro usamos bits por caractere. Se a rede chutasse ao acaso entre todas as',
    'letras, precisaria de uns cinco ou seis bits para cada uma. Se soubesse só quais letras são',
    'mais comuns, gastaria um pouco menos. Tudo o que ela aprende além disso vem do contexto:',
    'depois de q quase sempre vem u, depois de um ponto vem um espaço e uma letra maiúscula.',
    '',
    'Separamos um pedaço do texto que a rede nunca vê no treino. Se o erro no treino cai e o',
    'erro nesse pedaço separado sobe, a rede está decorando em vez de aprender. Com um texto',
    'pequeno como este, isso acontece depressa; com um livro inteiro, demora bem mais.',
    '',
    'A temperatura controla a ousadia da rede na hora de escrever. Fria, ela repete sempre a',
    'letra mais provável e cai em laços: de que de que de que. Quente, ela arrisca letras raras',
    'e inventa palavras que não existem. Entre as duas fica o ponto em que o texto parece vivo.',
    '',
  ].join('\n');

  var EN = [
    'The network reads one letter at a time. It does not know what a word is, or a sentence;',
    'it only knows that one letter tends to follow another, and it keeps a little of what it',
    'has seen in a hidden state, a handful of numbers that change at every step.',
    '',
    'At first everything it writes is noise: stray letters, spaces in the wrong places, commas',
    'floating about. After a few hundred steps the spaces land where they belong. Later come',
    'short words: a, the, of, and, to. Then longer ones, and at last something that looks like',
    'a sentence, even if it means nothing at all.',
    '',
    'The river runs down the hill slowly. On the bank the girl counts the stones and the boy',
    'counts the fish. Their mother calls them in for lunch, but the river keeps running, the',
    'stones stay where they are, and the fish will not be counted. In the afternoon it rains a',
    'little; at night the sky clears and the stars come out, too many for anyone to count.',
    '',
    'To learn is to be wrong a little less each time. The network makes a guess, measures the',
    'error, and nudges its weights in the direction that would have made the error smaller. If',
    'the step is too large it jumps across the valley and the error explodes; if it is too small',
    'it never gets anywhere. The learning rate is the size of that step.',
    '',
    'When the sequence is long the gradient has to travel back in time, step by step, multiplied',
    'by the same matrix again and again. Sometimes it fades away; sometimes it grows without end.',
    'So we clip the gradient when its norm passes a limit: a simple brake that stops one bad',
    'batch from undoing everything the network has learned so far.',
    '',
    'At the Saturday market the fruit stall opens early. There are mangoes, cashews, guavas and',
    'oranges, and a seller who sings the price of each one, always in the same order, like a',
    'prayer. Anyone who walks past often enough learns the song without trying: after mangoes',
    'come cashews, after cashews come guavas. The network does the same with letters, only with',
    'thousands of songs at once.',
    '',
    'The hidden state is the memory of the network. With every new letter it mixes what it',
    'already knew with what it has just seen, squashes the result with a hyperbolic tangent and',
    'moves on. The same weights are used at every step; that is what lets the network read a',
    'text of any length. But the memory is short: what lies far behind fades little by little,',
    'like a conversation on the bus that is forgotten before your stop.',
    '',
    'To measure the error we use bits per character. If the network guessed at random among all',
    'the letters it would need five or six bits for each one. If it only knew which letters are',
    'common it would need a little less. Everything it learns beyond that comes from context:',
    'after q nearly always comes u, after a full stop comes a space and a capital letter.',
    '',
    'We keep aside a piece of the text that the network never sees while training. If the',
    'training error falls while the error on that piece rises, the network is memorising',
    'instead of learning. With a small text like this one that happens quickly; with a whole',
    'book it takes much longer.',
    '',
    'Temperature sets how bold the network is when it writes. Cold, it always picks the most',
    'likely letter and falls into loops: of the of the of the. Hot, it takes rare letters and',
    'makes up words that do not exist. Somewhere in between the text starts to look alive.',
    '',
  ].join('\n');

  function alphabet() {
    var line = 'abcdefghijklmnopqrstuvwxyz\n';
    var s = '';
    for (var i = 0; i < 120; i++) s += line;
    return s;
  }

  // "23+58=81" lines from a fixed linear congruential sequence (same text
  // every time, so a link with a seed replays the same run).
  function arithmetic() {
    var x = 12345, lines = [];
    var next = function () { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return (x >>> 8) % 100; };
    for (var i = 0; i < 1000; i++) {
      var a = next(), b = next();
      lines.push(a + '+' + b + '=' + (a + b));
    }
    return lines.join('\n') + '\n';
  }

  var builders = {
    'pt-prose': function () { return PT; },
    'en-prose': function () { return EN; },
    alphabet: alphabet,
    arithmetic: arithmetic,
  };

  function get(id) { return Object.prototype.hasOwnProperty.call(builders, id) ? builders[id]() : null; }

  return { get: get, ids: Object.keys(builders) };
})();
