// Another program holding a database locked (for database.test.ts): exclusive
// locking mode and an open write transaction, until it is killed.
const Database = require(process.argv[3]);
const db = new Database(process.argv[2]);
db.pragma('locking_mode = EXCLUSIVE');
db.exec('BEGIN EXCLUSIVE');
db.exec('CREATE TABLE IF NOT EXISTS held (x)');
process.stdout.write('locked\n');
setInterval(() => {}, 1000);
