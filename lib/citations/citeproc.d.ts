// citeproc (citeproc-js in CommonJS) ships no types; Memcon uses only the engine's constructor.
declare module "citeproc" {
  const CSL: {
    Engine: new (
      sys: { retrieveLocale(lang: string): string; retrieveItem(id: string): unknown },
      style: string,
      lang?: string,
    ) => unknown;
  };
  export default CSL;
}
