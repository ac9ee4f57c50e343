// One colour per speaker, by their place in the participants list, so a speaker keeps the same
// colour throughout a document. Each passes WCAG AA (4.5:1) as text on the paper background.
export const SPEAKER_COLOURS = [
  "#8a3b12", // rust
  "#0b5cad", // blue
  "#2f6b2f", // green
  "#7a2e7a", // plum
  "#8a6d00", // ochre
  "#00677a", // teal
  "#a0233f", // crimson
  "#4b4f9e", // indigo
] as const;

export function speakerColour(position: number): string {
  return SPEAKER_COLOURS[position % SPEAKER_COLOURS.length]!;
}
