// What tests/e2e/export-seed.ts writes and tests/e2e/export.spec.ts looks for in the files.
export const EXPORT_SEED = {
  slug: "1959-09-14-liao-ishibashi-third-conversation",
  benPrivate: "Ben keeps this to himself: the bases are the whole negotiation",
  benCourse: "Ben to the class: Liao makes the bases a precondition here",
  chenReply: "Chen answers: a precondition, or an opening bid",
  ids: {
    private: "e2eexportbenprivate00000000000a",
    course: "e2eexportbencourse000000000000b",
    reply: "e2eexportchenreply000000000000c",
  },
};
