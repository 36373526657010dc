// strings.js - the neurons widget's strings (title and summary: the gallery).
/* global RnnWidgetRegistry */
'use strict';
RnnWidgetRegistry.provide('neurons', 'strings', {
  en: {
    title: 'Inside the char model: what does one hidden unit do?',
    summary: 'A text read by a trained char RNN, each character coloured by the activation of one hidden unit, ' +
      'with the five most likely next characters under it; a search ranks the units by how well they track ' +
      'a feature (inside quotes, inside parentheses, position in the line, vowel next, after a space).',
    featureLabel: 'Feature',
    feature_quote: 'inside quotes',
    feature_paren: 'inside parentheses',
    feature_column: 'position in the line',
    feature_vowel: 'vowel next',
    feature_space: 'after a space',
    rankLabel: 'Units that track it best (correlation r)',
    rankItem: 'unit {unit}: r = {r}',
    noRank: 'No ranking: {reason}',
    unitLabel: 'Unit',
    unitOf: 'of {H}',
    prevUnit: 'Previous unit',
    nextUnit: 'Next unit',
    textLabel: 'Text',
    modelBundled: 'Bundled model',
    modelLoad: 'Load a model file…',
    modelInfo: '{name}: H = {H}, {V} characters, {steps} training steps',
    bundledName: 'bundled model',
    starting: 'Starting the engine…',
    reading: 'Reading: character {t} of {n}',
    readAll: 'Read all {n} characters. → reads one at a time from the start.',
    detail: 'After “{ch}”: unit {unit} = {act}. Next:',
    legend: 'Colour: the unit\'s activation after reading the character (blue −1 … white 0 … red +1). ' +
      'Under each character: the five most likely next characters, darker = more likely.',
    newline: '↵',
    failed: 'The engine could not start: {reason}',
    loadFailed: 'Could not read that model file: {reason}',
    textFailed: 'Could not read the text: {reason}',
  },
  pt: {
    title: 'Dentro do modelo de caracteres: o que faz um neurônio?',
    summary: 'Um texto lido por uma RNN de caracteres treinada, cada caractere colorido pela ativação de um ' +
      'neurônio oculto, com os cinco próximos caracteres mais prováveis embaixo; uma busca ordena os neurônios ' +
      'por quão bem acompanham uma característica (dentro de aspas, dentro de parênteses, posição na linha, ' +
      'vogal a seguir, depois de um espaço).',
    featureLabel: 'Característica',
    feature_quote: 'dentro de aspas',
    feature_paren: 'dentro de parênteses',
    feature_column: 'posição na linha',
    feature_vowel: 'vogal a seguir',
    feature_space: 'depois de um espaço',
    rankLabel: 'Neurônios que melhor a acompanham (correlação r)',
    rankItem: 'neurônio {unit}: r = {r}',
    noRank: 'Sem ordenação: {reason}',
    unitLabel: 'Neurônio',
    unitOf: 'de {H}',
    prevUnit: 'Neurônio anterior',
    nextUnit: 'Próximo neurônio',
    textLabel: 'Texto',
    modelBundled: 'Modelo incluído',
    modelLoad: 'Carregar um arquivo de modelo…',
    modelInfo: '{name}: H = {H}, {V} caracteres, {steps} passos de treino',
    bundledName: 'modelo incluído',
    starting: 'Iniciando o motor…',
    reading: 'Lendo: caractere {t} de {n}',
    readAll: 'Leu os {n} caracteres. → lê um de cada vez desde o início.',
    detail: 'Depois de “{ch}”: neurônio {unit} = {act}. A seguir:',
    legend: 'Cor: a ativação do neurônio depois de ler o caractere (azul −1 … branco 0 … vermelho +1). ' +
      'Embaixo de cada caractere: os cinco próximos caracteres mais prováveis, mais escuro = mais provável.',
    newline: '↵',
    failed: 'O motor não pôde começar: {reason}',
    loadFailed: 'Não foi possível ler esse arquivo de modelo: {reason}',
    textFailed: 'Não foi possível ler o texto: {reason}',
  },
});
