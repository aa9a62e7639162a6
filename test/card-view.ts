// Reads a card (Components V2) the way a person sees it: its title, text, footer, accent and buttons.

interface Node {
  type: number;
  content?: string;
  components?: Node[];
  accessory?: Node;
  accent_color?: number;
  label?: string;
  custom_id?: string;
  url?: string;
  disabled?: boolean;
  style?: number;
  items?: { media: { url: string }; description?: string }[];
}

export interface CardButton {
  label: string;
  id: string;
  url: string;
  disabled: boolean;
}

export interface CardView {
  accent: number | undefined;
  /** The heading line, without `### `. */
  title: string;
  /** Every text display, in order, joined by blank lines. */
  text: string;
  texts: string[];
  /** The last text display, without `-# `. */
  footer: string;
  /** Every button in order: section accessories, then the rows. */
  buttons: CardButton[];
  gallery: { url: string; description: string }[];
  /** Each excerpt that has a Show context button beside it. */
  sections: { text: string; button: CardButton }[];
}

/** `payload`: a message payload or callback `data` (anything with `components`). */
export function cardOf(payload: unknown): CardView {
  const texts: string[] = [];
  const buttons: CardButton[] = [];
  const gallery: CardView["gallery"] = [];
  const sections: CardView["sections"] = [];
  let accent: number | undefined;
  const visit = (node: Node) => {
    if (node.type === 17) accent = node.accent_color;
    if (node.type === 10) texts.push(node.content ?? "");
    if (node.type === 2)
      buttons.push({
        label: node.label ?? "",
        id: node.custom_id ?? "",
        url: node.url ?? "",
        disabled: node.disabled === true,
      });
    if (node.type === 12)
      for (const item of node.items ?? [])
        gallery.push({ url: item.media.url, description: item.description ?? "" });
    for (const child of node.components ?? []) visit(child);
    if (node.accessory) {
      visit(node.accessory);
      const text = (node.components ?? []).map((c) => c.content ?? "").join("\n");
      sections.push({ text, button: buttons[buttons.length - 1] as CardButton });
    }
  };
  const top = (payload as { components?: Node[] } | undefined)?.components ?? [];
  for (const node of top) visit(node);
  const first = texts[0] ?? "";
  return {
    accent,
    title: first.startsWith("### ") ? (first.split("\n")[0] as string).slice(4) : "",
    text: texts.join("\n\n"),
    texts,
    footer: (texts[texts.length - 1] ?? "").replace(/^-# /, ""),
    buttons,
    gallery,
    sections,
  };
}
