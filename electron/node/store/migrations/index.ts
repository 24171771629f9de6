/**
 * Numbered schema migrations, one file each. `PRAGMA user_version` records the
 * last one applied; each runs in its own transaction together with the version
 * bump, so a crash leaves the schema at a whole step. Add a migration as the
 * next numbered file and list it here; never edit one that has shipped.
 */
import { migration as m001 } from './001-initial';
import { migration as m002 } from './002-assets';
import { migration as m003 } from './003-libraries';
import { migration as m004 } from './004-workflow';
import { migration as m005 } from './005-search-scale';
import { migration as m006 } from './006-drop-asset-size';
import { migration as m007 } from './007-sync';
import { migration as m008 } from './008-workflow-queue';
import { migration as m009 } from './009-notifications';
import { migration as m010 } from './010-newsroom-library';
import { migration as m011 } from './011-article-language';
import { migration as m012 } from './012-spelling';
import { migration as m013 } from './013-house-style';
import { migration as m014 } from './014-comment-suggestion';
import type { Migration } from './types';

export type { Migration };

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013, m014];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
