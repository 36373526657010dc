// strings.js - the teacher-forcing widget's strings (title and summary: the gallery).
/* global RnnWidgetRegistry */
'use strict';
RnnWidgetRegistry.provide('teacher-forcing', 'strings', {
  en: {
    title: 'Teacher forcing vs free running',
    summary: 'One char language model, two ways of feeding it the same text: the true previous character ' +
      '(training, teacher forcing) or its own previous sample (generation, free running) from a step you choose. ' +
      'The loss at every step shows where free running drifts.',
    textsLabel: 'Text',
    textRato: 'o rato roeu…', textBatatinha: 'batatinha…', textHamlet: 'to be or not…', textCustom: 'Yours',
    customLabel: 'Your text (up to 40 characters)',
    customUse: 'Use',
    customShort: 'A text needs at least 3 characters.',
    sampleLabel: 'Its own output',
    sampleSample: 'sampled', sampleGreedy: 'most likely',
    letGoLabel: 'Let go at step {k}',
    tfRow: 'Teacher forcing: fed the true previous character',
    frRow: 'Free running: fed its own previous sample from step {k}',
    inputs: 'input',
    lossAxis: 'loss at each step (−log p of the true next character)',
    means: 'From step {k}: teacher forcing {tf} nats/char, free running {fr} nats/char',
    drift: 'Free running drifts at step {d}: it is fed “{got}” where the text has “{want}”.',
    noDrift: 'Free running has not drifted: its own samples are the text so far.',
    lecture: 'Training feeds the truth (teacher forcing); generation feeds the model its own guesses, and one mistake changes everything after it.',
    starting: 'Starting the engine…',
    untrained: 'Untrained (random weights). Space trains it on generated sentences with this text among them.',
    training: 'Training on sentences and this text: step {step} of {total}, {bits} bits per character',
    trained: 'Trained on sentences and this text: {step} steps, {bits} bits per character. R starts again.',
    failed: 'The engine could not start: {reason}',
  },
  pt: {
    title: 'Teacher forcing vs geração livre',
    summary: 'Um modelo de linguagem de caracteres, duas formas de alimentá-lo com o mesmo texto: o caractere anterior ' +
      'verdadeiro (treino, teacher forcing) ou a sua própria amostra anterior (geração livre) a partir de um passo que você escolhe. ' +
      'A perda em cada passo mostra onde a geração livre se desvia.',
    textsLabel: 'Texto',
    textRato: 'o rato roeu…', textBatatinha: 'batatinha…', textHamlet: 'to be or not…', textCustom: 'O seu',
    customLabel: 'O seu texto (até 40 caracteres)',
    customUse: 'Usar',
    customShort: 'O texto precisa de pelo menos 3 caracteres.',
    sampleLabel: 'A própria saída',
    sampleSample: 'sorteada', sampleGreedy: 'mais provável',
    letGoLabel: 'Soltar no passo {k}',
    tfRow: 'Teacher forcing: recebe o caractere anterior verdadeiro',
    frRow: 'Geração livre: recebe a própria amostra anterior a partir do passo {k}',
    inputs: 'entrada',
    lossAxis: 'perda em cada passo (−log p do próximo caractere verdadeiro)',
    means: 'A partir do passo {k}: teacher forcing {tf} nats/caractere, geração livre {fr} nats/caractere',
    drift: 'A geração livre se desvia no passo {d}: recebe “{got}” onde o texto tem “{want}”.',
    noDrift: 'A geração livre não se desviou: as próprias amostras são o texto até aqui.',
    lecture: 'No treino, a entrada é a verdade (teacher forcing); na geração, a rede recebe os próprios palpites, e um erro muda tudo o que vem depois.',
    starting: 'Iniciando o motor…',
    untrained: 'Sem treino (pesos aleatórios). Espaço treina a rede em frases geradas, com este texto entre elas.',
    training: 'Treinando em frases e neste texto: passo {step} de {total}, {bits} bits por caractere',
    trained: 'Treinada em frases e neste texto: {step} passos, {bits} bits por caractere. R recomeça.',
    failed: 'O motor não pôde começar: {reason}',
  },
});
