#!/usr/bin/env node
// Fixes we carry in dependencies, applied after every install (npm's postinstall), each with a test
// that fails without it. A fix whose code is not found stops the install with a sentence, so an
// upgrade cannot drop one silently; an applied fix is left alone.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MARK = '/* newsroom-desk fix */';

const PATCHES = [
  {
    // @slate-yjs/core 1.0.2, applyDelta: a remote text change is turned into Slate operations in
    // reverse, against the node as it was. An insert then compared its attributes with that old node,
    // not with the node as the operations before it (a set_node formatting it, an insert_text into it)
    // leave it, and joined a node formatted differently: the other desk's editor showed "aaO" in
    // italics where the document has "aa" and an italic "O". The fix tracks the attributes those
    // operations give the node. Tests: shared/sync/slateBinding.property.test.ts ("… found by the property").
    package: '@slate-yjs/core',
    version: '1.0.2',
    files: ['dist/index.js', 'dist/index.cjs'],
    edits: [
      [
        'function applyDelta(node, slatePath, delta) {\n  const ops = [];',
        `function applyDelta(node, slatePath, delta) {\n  const ops = []; const propsAfter = new WeakMap(); ${MARK}`,
      ],
      [
        'const currentProps = lastOp != null && lastOp.type === "insert_node" ? lastOp.node : getProperties(child);',
        `const currentProps = lastOp != null && lastOp.type === "insert_node" ? lastOp.node : lastOp != null && propsAfter.has(lastOp) ? propsAfter.get(lastOp) : lastOp != null && lastOp.type === "set_node" && lastOp.path.length === childPath.length && lastOp.path.every((p, i) => p === childPath[i]) ? omitNullEntries(Object.assign({}, getProperties(child), lastOp.newProperties)) : getProperties(child); ${MARK}`,
      ],
      [
        '          return ops.push({\n            type: "insert_text",\n            offset: textOffset,\n            text: change.insert,\n            path: childPath\n          });',
        `          const textOp = { type: "insert_text", offset: textOffset, text: change.insert, path: childPath }; ${MARK}\n          propsAfter.set(textOp, currentProps);\n          return ops.push(textOp);`,
      ],
      // getYTarget rebuilt the parent's whole delta (every block of the body) for every operation it
      // wrote, so each keystroke grew with the article. A block is one embedded item: find it by
      // walking the items, and keep the full path for anything else (text, formatting, a mismatch).
      [
        'function getYTarget(yRoot, slateRoot, path) {',
        `function embeddedBlockAt(yText, offset) { ${MARK}
  let position = 0;
  for (let item = yText._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (item.content.key !== undefined) return undefined;
    if (!item.countable) continue;
    if (position === offset) return item.length === 1 && item.content.type !== undefined ? [{ insert: item.content.type }] : undefined;
    position += item.length;
    if (position > offset) return undefined;
  }
  return undefined;
}
function getYTarget(yRoot, slateRoot, path) {`,
      ],
      [
        '  const delta = yTextToInsertDelta(yRoot);\n  const targetLength = getSlateNodeYLength(targetNode);\n  const targetDelta = sliceInsertDelta(delta, yOffset, targetLength);',
        `  const targetLength = getSlateNodeYLength(targetNode); ${MARK}\n  const targetDelta = (targetNode && !("text" in targetNode) && embeddedBlockAt(yRoot, yOffset)) || sliceInsertDelta(yTextToInsertDelta(yRoot), yOffset, targetLength);`,
      ],
    ],
  },
  {
    // micromark 4.0.3, resolveAllText: adjacent `data` events were merged with one `splice` per run,
    // each moving the rest of the paragraph's events, so text with many character references
    // ("zz&&amp;" 16,000 times, 128 KB) took 5–7 s. The fix merges them in one pass, in place.
    // Test: shared/security/parserLinearity.test.ts ("16,000 zz&&amp; …").
    package: 'micromark',
    version: '4.0.3',
    files: ['lib/initialize/text.js', 'dev/lib/initialize/text.js'],
    edits: [
      [
        'function resolveAllText(events, context) {',
        `function resolveAllText(events, context) { ${MARK}
    let write = 0;
    for (let index = 0; index < events.length; ) {
      if (events[index][1].type !== 'data') {
        events[write++] = events[index++];
        continue;
      }
      // A run of data tokens (enter, exit, enter, exit…) becomes its first token, stretched to the last.
      let end = index + 2;
      while (end < events.length && events[end][1].type === 'data') end++;
      if (end !== index + 2) events[index][1].end = events[end - 1][1].end;
      events[write++] = events[index];
      events[write++] = events[index + 1];
      index = end;
    }
    events.length = write;
    return extraResolver ? extraResolver(events, context) : events;
  }
  function resolveAllTextBySplicing(events, context) {`,
      ],
    ],
  },
  {
    // slate-react 0.146.1, onDOMSelectionChange: as the text blurs, Slate reads the page's caret once
    // more, and when it sat beside a text node (on a paragraph element, where a Tab into the text can
    // put it) and equalled Slate's own selection, Slate set the page's caret into the text node, which
    // focuses the text again: Shift+Tab from the text bounced back into it. Nothing is moved while
    // blurring now. Test: e2e/browser/keyboard-a11y.spec.ts ("Shift+Tab leaves the text …").
    package: 'slate-react',
    version: '0.146.1',
    files: ['dist/index.es.js'],
    edits: [
      [
        'if (isCaretOutsideText && editor.selection && Range.equals(range, editor.selection)) {',
        `if (isCaretOutsideText && editor.selection && Range.equals(range, editor.selection)) { ${MARK}\n              if (!state.isBlurring) `,
      ],
    ],
  },
  {
    package: 'slate-react',
    version: '0.146.1',
    files: ['dist/index.js'],
    edits: [
      [
        'if (isCaretOutsideText && editor.selection && slate.Range.equals(range, editor.selection)) {',
        `if (isCaretOutsideText && editor.selection && slate.Range.equals(range, editor.selection)) { ${MARK}\n              if (!state.isBlurring) `,
      ],
    ],
  },
  {
    // docx 9.15.2, Comments: the resolved flag (w15:done in commentsExtended.xml) was written only
    // when some comment in the file is a reply, so in a file without replies a resolved thread came
    // back open in Word and LibreOffice. A resolved comment now turns the thread data on as a reply
    // does. Test: electron/node/export/docxChanges.test.ts ("… resolved without any reply …").
    package: 'docx',
    version: '9.15.2',
    files: ['dist/index.mjs', 'dist/index.cjs', 'dist/index.umd.cjs', 'dist/index.iife.js'],
    edits: [
      [
        'const hasThreading = children.some((child) => child.parentId !== void 0);',
        `const hasThreading = children.some((child) => child.parentId !== void 0 || child.resolved === true); ${MARK}`,
      ],
    ],
  },
];

for (const patch of PATCHES) {
  const dir = path.join(root, 'node_modules', patch.package);
  if (!fs.existsSync(dir)) continue;
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (version !== patch.version) {
    console.error(
      `scripts/patch-deps.mjs: ${patch.package} is ${version}, the fix we carry is for ${patch.version}. Check whether it is still needed, then update the patch.`,
    );
    process.exit(1);
  }
  for (const file of patch.files) {
    const full = path.join(dir, file);
    let text = fs.readFileSync(full, 'utf8');
    for (const [find, replace] of patch.edits) {
      if (text.includes(replace)) continue;
      if (!text.includes(find)) {
        console.error(`scripts/patch-deps.mjs: the code to fix is not in ${patch.package}/${file}.`);
        process.exit(1);
      }
      text = text.replace(find, replace);
    }
    fs.writeFileSync(full, text);
  }
}
