import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/contract';
import { createArticleStore, type ArticleStore } from './articleStore';
import { openDatabase, type Db } from './database';
import { createSpellingStore, type SpellingStore } from './spellingStore';

let dir: string;
let file: string;
let db: Db;
let articles: ArticleStore;
let spelling: SpellingStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-spelling-'));
  file = path.join(dir, 'spelling.db');
  db = openDatabase(file);
  articles = createArticleStore(db);
  spelling = createSpellingStore(db, () => new Date('2026-12-01T10:00:00Z'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('newsroom dictionary', () => {
  it('keeps words across reopening the database, one entry per word whatever its case', () => {
    spelling.addWord('Lindqvist', 'Mara');
    spelling.addWord('  Hocuspocus ', 'Mara');
    spelling.addWord('lindqvist', 'Ines');
    db.close();
    db = openDatabase(file);
    expect(createSpellingStore(db).listWords()).toEqual([
      { word: 'Hocuspocus', addedBy: 'Mara', addedAt: '2026-12-01T10:00:00.000Z' },
      { word: 'Lindqvist', addedBy: 'Mara', addedAt: '2026-12-01T10:00:00.000Z' },
    ]);
  });

  it('refuses what is not one word, in a sentence', () => {
    expect(() => spelling.addWord('two words', 'Mara')).toThrow(/is not one word/);
    expect(() => spelling.addWord('', 'Mara')).toThrow(AppError);
    expect(spelling.listWords()).toEqual([]);
  });

  it('removes this desk’s words but not the newsroom server’s', () => {
    spelling.addWord('Kovalenko', 'Mara');
    spelling.applyNewsroomWords('https://news.example', [{ word: 'Zelenskyy', addedBy: 'Ines', addedAt: '2026-11-30T08:00:00.000Z' }], 7);
    spelling.removeWord('kovalenko');
    expect(() => spelling.removeWord('Zelenskyy')).toThrow(/removed on the newsroom server/);
    expect(spelling.listWords()).toEqual([{ word: 'Zelenskyy', addedBy: 'Ines', addedAt: '2026-11-30T08:00:00.000Z', newsroomUrl: 'https://news.example' }]);
    expect(spelling.newsroomSequence('https://news.example')).toBe(7);
    expect(spelling.newsroomSequence('https://other.example')).toBe(0);
  });

  it('imports a bundle’s words once, skipping ones it has and ones that are not words', () => {
    spelling.addWord('Lindqvist', 'Mara');
    expect(spelling.importWords(['LINDQVIST', 'Kovalenko', 'not a word', 'Kovalenko'], 'bundle')).toBe(1);
    expect(spelling.listWords().map((w) => w.word)).toEqual(['Kovalenko', 'Lindqvist']);
  });
});

describe('words ignored in an article', () => {
  it('stay with the article across reopening, and go when it is deleted', () => {
    const a = articles.createArticle({ headline: 'One' });
    const b = articles.createArticle({ headline: 'Two' });
    spelling.ignoreWord(a.id, 'blorf');
    expect(spelling.ignoreWord(a.id, 'Zyx')).toEqual(['blorf', 'Zyx']);
    db.close();
    db = openDatabase(file);
    spelling = createSpellingStore(db);
    expect(spelling.ignoredWords(a.id)).toEqual(['blorf', 'Zyx']);
    expect(spelling.ignoredWords(b.id)).toEqual([]);
    expect(spelling.unignoreWord(a.id, 'blorf')).toEqual(['Zyx']);
    const store = createArticleStore(db);
    store.trashArticle(a.id);
    store.deleteArticleForever(a.id);
    expect(spelling.ignoredWords(a.id)).toEqual([]);
  });

  it('refuses an article that is not there', () => {
    expect(() => spelling.ignoreWord('missing', 'blorf')).toThrow(/no longer here/);
  });
});
