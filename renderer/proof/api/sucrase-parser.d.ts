// Sucrase's own parser (its CommonJS build, which Node and the bundler both load); its types live under dist/types.
declare module 'sucrase/dist/parser' {
  export { parse } from 'sucrase/dist/types/parser/index';
}
declare module 'sucrase/dist/parser/tokenizer' {
  export { isTopLevelDeclaration } from 'sucrase/dist/types/parser/tokenizer/index';
}
