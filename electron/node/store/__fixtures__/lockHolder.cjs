// Another program with a database open (for the tests), until it is killed:
// `exclusive` keeps it locked (exclusive locking mode and an open write
// transaction); `reader` keeps an ordinary read transaction open.
const Database = require(process.argv[3]);
const db = new Database(process.argv[2]);
if (process.argv[4] === 'reader') {
  db.exec('BEGIN');
  db.prepare('SELECT count(*) FROM sqlite_master').get();
} else {
  db.pragma('locking_mode = EXCLUSIVE');
  db.exec('BEGIN EXCLUSIVE');
  db.exec('CREATE TABLE IF NOT EXISTS held (x)');
}
process.stdout.write('locked\n');
setInterval(() => {}, 1000);
