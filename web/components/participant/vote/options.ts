/**
 * An option's label on a phone. An option whose card left after people voted for it
 * keeps their votes under the neutral label the room wrote ("Option withdrawn by its
 * author"); phones show it as written, to keep the phone's first load small.
 */
export function optionText(option: { label: string; removed?: string }): string {
  return option.label;
}
