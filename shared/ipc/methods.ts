/**
 * The named API both transports expose: method name → channel. Kept free of
 * runtime imports (zod) so the sandboxed preload bundle stays small.
 */
import type { Channel } from './contract';

export const API_METHODS = {
  appInfo: 'app:info',
  dbStatus: 'db:status',
  openDatabase: 'db:open',
  createNewDatabase: 'db:createNew',
  retryDatabase: 'db:retry',
  listPaths: 'paths:list',
  pickPath: 'paths:pick',

  listArticles: 'articles:list',
  getArticle: 'articles:get',
  createArticle: 'articles:create',
  saveArticle: 'articles:save',
  duplicateArticle: 'articles:duplicate',
  trashArticle: 'articles:trash',
  restoreArticle: 'articles:restore',
  deleteArticleForever: 'articles:deleteForever',
  listTaxonomy: 'taxonomy:list',

  putAsset: 'assets:put',
  getAsset: 'assets:get',
  fetchWebImage: 'assets:fetchWeb',

  listBackups: 'backups:list',
  backUpNow: 'backups:create',
  restoreBackup: 'backups:restore',
  setBackupFolder: 'backups:setFolder',

  startExport: 'exchange:export',
  exportJobStatus: 'exchange:jobStatus',
  cancelExport: 'exchange:cancel',
  revealExport: 'exchange:reveal',
  importFile: 'exchange:import',
  takeOpenedFiles: 'exchange:takeOpenedFiles',

  listAuthors: 'authors:list',
  getAuthor: 'authors:get',
  createAuthor: 'authors:create',
  updateAuthor: 'authors:update',
  setAuthorArchived: 'authors:setArchived',
  deleteAuthor: 'authors:delete',
  listAuthorVersions: 'authors:versions',
  listDisclosures: 'disclosures:list',
  createDisclosure: 'disclosures:create',
  updateDisclosure: 'disclosures:update',
  setDisclosureArchived: 'disclosures:setArchived',
  deleteDisclosure: 'disclosures:delete',
  listDisclosureVersions: 'disclosures:versions',
  freezeLibraryBlocks: 'articles:freezeLibraryBlocks',

  getProfile: 'profile:get',
  setProfile: 'profile:set',
  getReviewSettings: 'reviewSettings:get',
  setReviewSettings: 'reviewSettings:set',
  getWritingSettings: 'writingSettings:get',
  setWritingSettings: 'writingSettings:set',
  transitionArticle: 'workflow:transition',
  listTransitions: 'workflow:history',
  listComments: 'comments:list',
  createComment: 'comments:create',
  replyToComment: 'comments:reply',
  resolveComment: 'comments:resolve',
  updateCommentAnchors: 'comments:anchors',
  listRevisions: 'revisions:list',
  getRevision: 'revisions:get',
  saveRevision: 'revisions:create',
  restoreRevision: 'revisions:restore',

  syncStatus: 'sync:status',
  configureSync: 'sync:configure',
  signInToServer: 'sync:signIn',
  signOutOfServer: 'sync:signOut',
  setWorkOffline: 'sync:setOffline',
  refreshNewsroom: 'sync:refresh',
  openSyncedArticle: 'sync:open',
  closeSyncedArticle: 'sync:close',
  pushArticleUpdate: 'sync:push',
  pullArticleUpdates: 'sync:pull',
  listWorkflowNotices: 'sync:workflowNotices',
  dismissWorkflowNotice: 'sync:dismissWorkflowNotice',
} as const satisfies Record<string, Channel>;

export type ApiMethod = keyof typeof API_METHODS;
