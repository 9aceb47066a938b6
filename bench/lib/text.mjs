// Seeded, deterministic article text: a Zipf-distributed vocabulary (a few hundred real English words
// at the top, then ~20,000 invented words in the long tail), so that common words match half the blog
// and rare words a handful of posts, as they do in real writing. Same seed, same posts, byte for byte.

/** sfc32: small, fast and good enough for text; seeded through splitmix32 so nearby seeds diverge. */
export function rng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

// Ranked by how often they appear; the stop words at the top carry no weight in search.
const COMMON = `the of and to a in is that it for on with as was by this be are from at or an but not have
they which you one all their has more can been there we would when what about also if will so into than its
other some time these two only may most many first them over such new like then out our could even very people
way because just years does through after well much where work make before same write writing between any
under each own while long made both good those should being great read story page words still since back
another know little might every never need life part world without again place small found right always
reader different change early often together making known course language end word find three itself less
idea point local whole against given clear simple short hand editor public draft book better though thought
question during best later based system already among almost enough above seemed form kind design started
help sense voice history power light study line rather second whether turn important example sentence
process across usually less true moment quite real fact took ever open human type night perhaps note
paragraph within least draw around large seen close interest matter rest issue care full heading reason
single order style across structure chapter author library archive craft essay review print title margin
column detail notes version argument evidence memory source method theory practice audience common
culture research project practice meaning figure moment attention balance rhythm texture pattern feature
narrative reading frame detail distance weight`.split(/\s+/);

const SYLLABLES = `ka lo mi ter van dor el sa ri ne ul om bra tis quen pha lor cen dul mar vek sil tho ran gue
ix pel sor tam bel cor fin gra hal jun kes lum nor pri ros sta tur vin wol zen ab ec id ob ut ar ys`.split(/\s+/);

const TAIL_WORDS = 20000;
const ZIPF_S = 1.05;

function inventWords(count, random) {
  const seen = new Set(COMMON);
  const words = [];
  while (words.length < count) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words;
}

/** A vocabulary and a sampler over it; the vocabulary itself is fixed (seed 1) so search terms are stable. */
export function vocabulary() {
  const words = [...new Set(COMMON)].concat(inventWords(TAIL_WORDS, rng(1)));
  const cdf = new Float64Array(words.length);
  let total = 0;
  for (let r = 0; r < words.length; r++) {
    total += 1 / Math.pow(r + 1, ZIPF_S);
    cdf[r] = total;
  }
  for (let r = 0; r < words.length; r++) cdf[r] /= total;
  const sample = (random) => {
    const u = random();
    let lo = 0, hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
  const rank = new Map(words.map((w, i) => [w, i]));
  return { words, rank, sample };
}

const cap = (w) => w[0].toUpperCase() + w.slice(1);

// Every piece of text is produced in three renderings at once (Markdown source, the HTML and the plain
// text the app's pipeline makes of it), so 100,000 posts need no Markdown parsing at generation time.
// The generator checks a sample against the app's own renderBody (see dataset.mjs).
function sentence(v, random, min, max) {
  const n = min + Math.floor(random() * (max - min + 1));
  const words = new Array(n);
  for (let i = 0; i < n; i++) words[i] = v.sample(random);
  words[0] = cap(words[0]);
  const md = words.slice();
  const html = words.slice();
  const text = words.slice();
  const r = random();
  if (n > 6 && r < 0.08) {
    md[3] = `*${words[3]}*`;
    html[3] = `<em>${words[3]}</em>`;
  } else if (n > 6 && r < 0.12) {
    md[2] = `**${words[2]}**`;
    html[2] = `<strong>${words[2]}</strong>`;
  } else if (n > 8 && r < 0.15) {
    md[5] = `[${words[5]} ${words[6]}](https://example.com/${words[5]})`;
    html[5] = `<a href="https://example.com/${words[5]}">${words[5]} ${words[6]}</a>`;
    md.splice(6, 1);
    html.splice(6, 1);
  }
  const end = random() < 0.1 ? '?' : '.';
  return { md: md.join(' ') + end, html: html.join(' ') + end, text: text.join(' ') + end };
}

function joinParts(parts) {
  return { md: parts.map((p) => p.md).join(' '), html: parts.map((p) => p.html).join(' '), text: parts.map((p) => p.text).join(' ') };
}

function paragraph(v, random) {
  const n = 2 + Math.floor(random() * 4);
  const out = [];
  for (let i = 0; i < n; i++) out.push(sentence(v, random, 8, 22));
  return joinParts(out);
}

/** A title of a few words, skipping the most common ones except in second place ("Notes on the margin"). */
export function title(v, random) {
  const n = 3 + Math.floor(random() * 5);
  const out = [];
  for (let i = 0; i < n; i++) {
    let w;
    do w = v.sample(random);
    while (i !== 1 && v.rank.get(w) < 40);
    out.push(i === 0 ? cap(w) : w);
  }
  return out.join(' ');
}

/**
 * ~1,600 words: two intro paragraphs, 4–6 sections, each with a heading, sometimes a list, a quote or an
 * image, and paragraphs. Returns blocks: { kind: 'p' | 'h2' | 'ul' | 'quote' | 'img', md, html, text }.
 */
export function articleBlocks(v, random, targetWords = 1400 + Math.floor(random() * 400)) {
  const blocks = [];
  let words = 0;
  const push = (kind, part) => {
    blocks.push({ kind, ...part });
    words += part.text.split(' ').length;
  };
  push('p', paragraph(v, random));
  push('p', paragraph(v, random));
  const sections = 4 + Math.floor(random() * 3);
  const perSection = targetWords / sections;
  for (let s = 0; s < sections && words < targetWords; s++) {
    const heading = cap(title(v, random).toLowerCase());
    push('h2', { md: `## ${heading}`, html: heading, text: heading });
    const sectionEnd = Math.min(targetWords, words + perSection);
    if (random() < 0.35) {
      const items = [0, 1, 2].map(() => sentence(v, random, 4, 9));
      push('ul', { md: items.map((i) => `- ${i.md}`).join('\n'), html: items.map((i) => i.html), text: items.map((i) => i.text).join('\n') });
    }
    if (random() < 0.2) {
      const q = sentence(v, random, 10, 20);
      push('quote', { md: `> ${q.md}`, html: q.html, text: q.text });
    }
    if (s === 1 && random() < 0.5) {
      const alt = sentence(v, random, 3, 6).text.slice(0, -1);
      const src = `https://images.example.com/${Math.floor(random() * 1e9)}.jpg`;
      blocks.push({ kind: 'img', md: `![${alt}](${src})`, html: `<img src="${src}" alt="${alt}" loading="lazy" />`, text: '' });
    }
    while (words < sectionEnd) push('p', paragraph(v, random));
  }
  return blocks;
}
