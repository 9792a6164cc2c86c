// The bundler loads `.graphql` files as text (scripts/build-explorer.ts).
declare module '*.graphql' {
  const document: string;
  export default document;
}
