/* nb-db-inspect.c: deciding whether a file may be opened at all.
 *
 * Everything here reads and never writes: the raw bytes of the file
 * first, then what only SQLite can tell (quick_check, application_id,
 * user_version) on a connection that has not written anything. A file
 * refused here is left exactly as it was (see nb-db.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "nb-store-private.h"

/* The fixed part of a SQLite file (https://sqlite.org/fileformat.html). */
#define SQLITE_HEADER_SIZE 100
static const char sqlite_magic[16] = "SQLite format 3";
static const guint8 journal_magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };

/* Every table a Netbook notebook may contain (v1), FTS5's own included. */
static const char * const netbook_tables[] = {
  "people", "tags", "entries", "events", "event_people", "profile",
  "search", "search_data", "search_idx", "search_content",
  "search_docsize", "search_config",
  "capture_drafts", "pending_search", "contact_dates",
  NULL
};

const char *
_nb_db_refused_hint (void)
{
  /* Translators: the end of every message about a notebook Netbook
   * refused to open. */
  return _("Netbook did not change it.");
}

static void
set_damaged (GError     **error,
             const char  *path,
             const char  *what)
{
  /* Translators: the first %s is a file name, the second what is wrong,
   * the third says the file was left alone. */
  g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_CORRUPT,
               _("“%s” is damaged (%s). %s Restore a backup (netbook-cli restore FILE) or move the file away to start a new notebook."),
               path, what, _nb_db_refused_hint ());
}

static void
set_not_database (GError     **error,
                  const char  *path,
                  const char  *what)
{
  g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_DATABASE,
               _("“%s” is not a Netbook notebook (%s). %s Choose another file, or move it away to start a new notebook."),
               path, what, _nb_db_refused_hint ());
}

static gboolean
query_int (sqlite3     *db,
           const char  *path,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  _nb_db_set_error (error, db, rc, path, TRUE);
  sqlite3_finalize (stmt);
  return FALSE;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gssize
read_prefix (int     fd,
             guint8 *buf,
             gsize   size)
{
  gsize done = 0;

  while (done < size)
    {
      gssize n = read (fd, buf + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      done += (gsize) n;
    }

  return (gssize) done;
}

goffset
_nb_db_file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return 0;

  return st.st_size;
}

/* Reads @size bytes at the start of @path into @buf; FALSE if missing or
 * shorter. */
static gboolean
peek_file (const char *path,
           guint8     *buf,
           gsize       size)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gssize n;

  if (fd < 0)
    return FALSE;

  n = read_prefix (fd, buf, size);
  close (fd);

  return n == (gssize) size;
}

/* The checks on raw bytes: is this a whole SQLite file, and may SQLite
 * open it without writing to it? */
gboolean
_nb_db_inspect_file (const char  *path,
                     GError     **error)
{
  guint8 header[SQLITE_HEADER_SIZE];
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal_path = g_strconcat (path, "-journal", NULL);
  guint8 jmagic[sizeof journal_magic];
  struct stat st;
  gssize n;
  guint32 page_size;
  guint32 page_count;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      _nb_db_set_errno_error (error, errno, path, NB_FILE_OPEN);
      return FALSE;
    }

  if (fstat (fd, &st) != 0)
    {
      _nb_db_set_errno_error (error, errno, path, NB_FILE_READ);
      close (fd);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      set_not_database (error, path, _("it is a folder or a special file"));
      return FALSE;
    }

  n = read_prefix (fd, header, sizeof header);
  if (n < 0)
    {
      _nb_db_set_errno_error (error, errno, path, NB_FILE_READ);
      close (fd);
      return FALSE;
    }
  close (fd);

  if (st.st_size == 0)
    {
      set_not_database (error, path, _("the file is empty"));
      return FALSE;
    }

  if (n < (gssize) sizeof sqlite_magic)
    {
      if (memcmp (header, sqlite_magic, (gsize) n) == 0)
        set_damaged (error, path, _("the file is shorter than its header says"));
      else
        set_not_database (error, path, _("it is not a database file"));
      return FALSE;
    }

  if (memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    {
      set_not_database (error, path, _("it is not a database file"));
      return FALSE;
    }

  if (n < SQLITE_HEADER_SIZE)
    {
      set_damaged (error, path, _("the file is shorter than its header says"));
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0 ||
      header[21] != 64 || header[22] != 32 || header[23] != 32)
    {
      set_damaged (error, path, _("its header is invalid"));
      return FALSE;
    }

  /* The in-header page count is trusted when the change counter and the
   * "version valid for" number agree (fileformat.html §1.3.7). With
   * frames waiting in a -wal file the main file may legitimately lag
   * behind; quick_check judges that case. */
  page_count = read_be32 (header + 28);
  if (_nb_db_file_size (wal_path) == 0)
    {
      if (page_count > 0 && read_be32 (header + 24) == read_be32 (header + 92))
        {
          if ((guint64) st.st_size < (guint64) page_count * page_size)
            {
              set_damaged (error, path, _("the file is shorter than its header says"));
              return FALSE;
            }
        }
      else if ((guint64) st.st_size < page_size)
        {
          set_damaged (error, path, _("the file is shorter than its header says"));
          return FALSE;
        }
    }

  /* A hot rollback journal would be played back into the file by the
   * first read. Netbook's own notebooks use WAL, so a journal means the
   * file is another program's unless its application_id says otherwise. */
  if (peek_file (journal_path, jmagic, sizeof jmagic) &&
      memcmp (jmagic, journal_magic, sizeof jmagic) == 0 &&
      read_be32 (header + 68) != NB_STORE_APPLICATION_ID)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FOREIGN,
                   _("“%s” has an unfinished change by another program (a “-journal” file lies beside it). %s Open it with the program that made it, or choose another file."),
                   path, _nb_db_refused_hint ());
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_netbook_table (const char *name)
{
  return g_strv_contains (netbook_tables, name);
}

/* The checks that need SQLite, on a connection that has not written. */
gboolean
_nb_db_check_contents (sqlite3     *db,
                       const char  *path,
                       int          current_version,
                       gboolean     check_pages,
                       int         *out_version,
                       guint32     *out_application_id,
                       GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  gboolean has_tables = FALSE;
  gboolean has_foreign_tables = FALSE;
  int application_id;
  int version;
  int rc;

  /* A notebook known healthy (nb-db.c) is not read page by page. */
  rc = sqlite3_prepare_v2 (db, check_pages ? "PRAGMA quick_check" : "SELECT 'ok'", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);
      int read_error = SQLITE_OK;

      if (g_strcmp0 (result, "ok") != 0)
        problem = g_strdup (result != NULL ? result : "?");

      /* A page quick_check could not read is reported as a row ("Page 3:
       * unable to get the page. error code=266", "Main freelist: failed
       * to get page 31"), not as an error of the statement; the pages it
       * then could not reach follow ("Page 30 is never used"). That is
       * the disk failing, not the file: saying it is damaged would send
       * the user to restore a backup of a healthy notebook. (Pages past
       * the end of the file read as zeros: a short file is not this.) */
      while (problem != NULL && read_error == SQLITE_OK && rc == SQLITE_ROW)
        {
          const char *row = _nb_column_text (stmt, 0);
          const char *code = strstr (row, "error code=");

          if (code != NULL)
            {
              int value = (int) g_ascii_strtoll (code + strlen ("error code="), NULL, 10);

              if ((value & 0xff) == SQLITE_IOERR || (value & 0xff) == SQLITE_NOMEM ||
                  (value & 0xff) == SQLITE_BUSY)
                read_error = value;
            }
          else if (strstr (row, "failed to get page") != NULL ||
                   strstr (row, "Failed to read ptrmap") != NULL)
            {
              read_error = SQLITE_IOERR_READ;
            }
          rc = sqlite3_step (stmt);
        }

      if (read_error != SQLITE_OK)
        {
          sqlite3_finalize (stmt);
          _nb_db_set_error (error, NULL, read_error, path, TRUE);
          return FALSE;
        }
    }
  else if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    {
      problem = g_strdup (sqlite3_errmsg (db));
    }
  else
    {
      _nb_db_set_error (error, db, rc, path, TRUE);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (problem != NULL)
    {
      g_autofree char *what = NULL;

      g_debug ("quick_check of %s: %s", path, problem);
      /* Translators: %s is SQLite's own (English) diagnostic. */
      what = g_strdup_printf (_("its integrity check failed: %s"), problem);
      set_damaged (error, path, what);
      return FALSE;
    }

  if (!query_int (db, path, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, path, "PRAGMA user_version", &version, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT name FROM sqlite_master "
                           "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      has_tables = TRUE;
      if (!is_netbook_table ((const char *) sqlite3_column_text (stmt, 0)))
        has_foreign_tables = TRUE;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _nb_db_set_error (error, db, rc, path, TRUE);
      return FALSE;
    }

  /* Netbook's own id; or no id at all on a file holding nothing but
   * Netbook's tables (or nothing). Anything else is another program's. */
  if ((guint32) application_id != NB_STORE_APPLICATION_ID &&
      (application_id != 0 || has_foreign_tables))
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not a Netbook notebook. %s Choose another file, or move it away to start a new notebook."),
                   path, _nb_db_refused_hint ());
      return FALSE;
    }

  if (version > current_version)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Netbook (notebook format %d, this version reads up to %d). %s Update Netbook to open it."),
                   path, version, current_version, _nb_db_refused_hint ());
      return FALSE;
    }

  if (version <= 0 && has_tables)
    {
      set_damaged (error, path, _("its format version is missing"));
      return FALSE;
    }

  *out_version = version;
  *out_application_id = (guint32) application_id;
  return TRUE;
}

/* Closes the connection to a refused file and removes the side files it
 * made. SQLite removes its own -wal and -shm when it closes the last
 * connection, except when a WAL was already there (no checkpoint on
 * close, see below): then the -shm it made goes too. Without a -shm
 * before, nobody else had the file open in WAL mode. A -wal is only
 * removed if it is new and empty: never data. */
void
_nb_db_close_refused (sqlite3    *db,
                      const char *wal_path,
                      gboolean    had_wal,
                      const char *shm_path,
                      gboolean    had_shm)
{
  sqlite3_close (db);

  if (!had_wal && g_file_test (wal_path, G_FILE_TEST_EXISTS) &&
      _nb_db_file_size (wal_path) == 0)
    g_unlink (wal_path);

  if (!had_shm)
    g_unlink (shm_path);
}

