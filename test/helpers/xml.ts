import sax from 'sax';

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

/** Parses XML with sax in strict mode: any well-formedness error throws. */
export function parseXml(xml: string): XmlNode {
  const parser = sax.parser(true, { trim: false });
  const root: XmlNode = { name: '#document', attributes: {}, text: '', children: [] };
  const stack: XmlNode[] = [root];
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    const node: XmlNode = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', children: [] };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (text) => void (stack.at(-1)!.text += text);
  parser.oncdata = (text) => void (stack.at(-1)!.text += text);
  parser.write(xml).close();
  if (root.children.length !== 1) throw new Error('XML must have exactly one root element');
  return root.children[0];
}

/** All descendants named `name`, in document order. */
export function findAll(node: XmlNode, name: string): XmlNode[] {
  return node.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
}

/** The text of the first child named `name`, or undefined. */
export function childText(node: XmlNode, name: string): string | undefined {
  return node.children.find((c) => c.name === name)?.text;
}
