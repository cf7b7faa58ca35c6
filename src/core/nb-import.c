/* nb-import.c: taking in a network from other programs.
 *
 * Threads and the transaction: NbStore is not thread-safe, so the
 * asynchronous import works in a worker thread on a connection of its
 * own (_nb_store_open_worker()): it reads the file, parses it into plain
 * records, then matches and writes them in one transaction there, with
 * progress posted to the caller's main context and Cancel checked as it
 * goes — a cancelled or failed import is rolled back and leaves
 * nothing. The main loop never waits on it. Once committed, the
 * caller's store replays the worker's changes, so that its live models
 * and listeners see the import as if it had made it. Holding a
 * transaction of the caller's own store open across main-loop
 * iterations instead (to write in idle chunks) would let any edit made
 * meanwhile join the import's transaction and be rolled back with it.
 * An edit made in the app meanwhile waits for the import's commit
 * (SQLite's busy timeout), which the store keeps short: statements
 * prepared once, no query per record to find a match.
 *
 * JSON is Netbook's own export and has its own importer (nb-json.h),
 * which only fills an empty notebook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nb-import-private.h"
#include "nb-json.h"
#include "nb-store-private.h"

/* Progress from the worker thread reaches the main context at most this
 * often (in µs), so that a fast parse does not flood it. */
#define PROGRESS_INTERVAL_US (50 * 1000)

struct _NbImportOptions
{
  NbImportFormat  format;
  NbImportColumn *columns;
  guint           n_columns;
};

static const char * const format_names[] = {
  [NB_IMPORT_FORMAT_AUTO] = "auto",
  [NB_IMPORT_FORMAT_VCARD] = "vcard",
  [NB_IMPORT_FORMAT_LINKEDIN] = "linkedin",
  [NB_IMPORT_FORMAT_CSV] = "csv",
  [NB_IMPORT_FORMAT_JSON] = "json",
};

/* ---- formats ---------------------------------------------------------- */

const char *
nb_import_format_to_string (NbImportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), NULL);

  return format_names[format];
}

gboolean
nb_import_format_from_string (const char     *str,
                              NbImportFormat *out_format)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_ascii_strcasecmp (str, format_names[i]) == 0)
        {
          if (out_format != NULL)
            *out_format = (NbImportFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* ---- options ---------------------------------------------------------- */

NbImportOptions *
nb_import_options_new (void)
{
  return g_new0 (NbImportOptions, 1);
}

NbImportOptions *
nb_import_options_copy (const NbImportOptions *options)
{
  NbImportOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_new0 (NbImportOptions, 1);
  copy->format = options->format;
  if (options->columns != NULL)
    {
      copy->columns = g_memdup2 (options->columns, sizeof (NbImportColumn) * MAX (options->n_columns, 1));
      copy->n_columns = options->n_columns;
    }

  return copy;
}

void
nb_import_options_free (NbImportOptions *options)
{
  if (options == NULL)
    return;

  g_free (options->columns);
  g_free (options);
}

void
nb_import_options_set_format (NbImportOptions *options,
                              NbImportFormat   format)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail ((guint) format < G_N_ELEMENTS (format_names));

  options->format = format;
}

NbImportFormat
nb_import_options_get_format (const NbImportOptions *options)
{
  g_return_val_if_fail (options != NULL, NB_IMPORT_FORMAT_AUTO);

  return options->format;
}

void
nb_import_options_set_csv_columns (NbImportOptions      *options,
                                   const NbImportColumn *columns,
                                   guint                 n_columns)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (columns != NULL || n_columns == 0);

  g_clear_pointer (&options->columns, g_free);
  options->n_columns = 0;

  if (columns != NULL)
    {
      options->columns = g_memdup2 (columns, sizeof (NbImportColumn) * MAX (n_columns, 1));
      options->n_columns = n_columns;
    }
}

/* ---- the report ------------------------------------------------------- */

static void
issue_free (NbImportIssue *issue)
{
  g_free (issue->name);
  g_free (issue->reason);
  g_free (issue);
}

NbImportReport *
nb_import_report_new (void)
{
  NbImportReport *report = g_new0 (NbImportReport, 1);

  report->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  return report;
}

void
nb_import_report_free (NbImportReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->issues);
  g_free (report);
}

static void
add_issue (NbImportReport *report,
           NbImportPlace   place,
           guint           number,
           const char     *name,
           const char     *reason,
           gboolean        skipped)
{
  NbImportIssue *issue = g_new0 (NbImportIssue, 1);

  issue->place = place;
  issue->number = number;
  /* Names come from the file: keep them printable. */
  issue->name = g_utf8_make_valid (name != NULL ? name : "", -1);
  issue->reason = g_strdup (reason);
  issue->skipped = skipped;
  g_ptr_array_add (report->issues, issue);
}

void
nb_import_report_add_skip (NbImportReport *report,
                           NbImportPlace   place,
                           guint           number,
                           const char     *name,
                           const char     *reason)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (reason != NULL);

  report->skipped++;
  add_issue (report, place, number, name, reason, TRUE);
}

void
nb_import_report_add_warning (NbImportReport *report,
                              NbImportPlace   place,
                              guint           number,
                              const char     *name,
                              const char     *reason)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (reason != NULL);

  add_issue (report, place, number, name, reason, FALSE);
}

char *
nb_import_issue_dup_place (const NbImportIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);

  return g_strdup_printf ("%s %u", issue->place == NB_IMPORT_PLACE_CARD ? "card" : "line",
                          issue->number);
}

char *
nb_import_issue_dup_place_label (const NbImportIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);

  if (issue->place == NB_IMPORT_PLACE_CARD)
    /* Translators: the position of a contact in a vCard file */
    return g_strdup_printf (_("Card %u"), issue->number);

  /* Translators: a line of a file */
  return g_strdup_printf (_("Line %u"), issue->number);
}

void
_nb_import_report_progress (NbImportProgressFunc  progress,
                            gpointer              progress_data,
                            double                fraction,
                            const char           *format,
                            ...)
{
  g_autofree char *text = NULL;
  va_list args;

  if (progress == NULL)
    return;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  progress (CLAMP (fraction, 0.0, 1.0), text, progress_data);
}

/* ---- the two halves --------------------------------------------------- */

struct _NbImportBatch
{
  NbImportFormat  format;
  GBytes         *data;      /* JSON only */
  GPtrArray      *records;   /* NbImportRecord*; NULL for JSON */
  gboolean        written;
};

typedef struct {
  NbImportProgressFunc progress;
  gpointer             progress_data;
  double               start;
  double               span;
} ProgressSpan;

static void
progress_in_span_cb (double      fraction,
                     const char *text,
                     gpointer    user_data)
{
  ProgressSpan *span = user_data;

  span->progress (span->start + fraction * span->span, text, span->progress_data);
}

/* The format @options ask for, or the one @data looks like. */
static gboolean
resolve_format (GBytes                 *data,
                const NbImportOptions  *options,
                NbImportFormat         *out_format,
                GError                **error)
{
  NbImportFormat format = options != NULL ? options->format : NB_IMPORT_FORMAT_AUTO;

  if (format == NB_IMPORT_FORMAT_AUTO)
    format = nb_import_detect_format (data);

  if (format == NB_IMPORT_FORMAT_AUTO)
    {
      if (g_bytes_get_size (data) == 0)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The file is empty."));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("This is not a file Netbook can import: it is neither vCard, nor CSV, nor Netbook JSON."));
      return FALSE;
    }

  *out_format = format;
  return TRUE;
}

NbImportBatch *
nb_import_batch_read (GBytes                 *data,
                      const NbImportOptions  *options,
                      NbImportProgressFunc    progress,
                      gpointer                progress_data,
                      GCancellable           *cancellable,
                      GError                **error)
{
  g_autoptr(NbImportBatch) batch = NULL;
  ProgressSpan span = { progress, progress_data, 0.0, 0.5 };
  NbImportFormat format = NB_IMPORT_FORMAT_AUTO;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!resolve_format (data, options, &format, error))
    return NULL;

  batch = g_new0 (NbImportBatch, 1);
  batch->format = format;

  if (format == NB_IMPORT_FORMAT_JSON)
    {
      batch->data = g_bytes_ref (data);
      return g_steal_pointer (&batch);
    }

  batch->records = _nb_import_read (data, format,
                                    options != NULL ? options->columns : NULL,
                                    options != NULL ? options->n_columns : 0,
                                    progress != NULL ? progress_in_span_cb : NULL, &span,
                                    cancellable, error);
  if (batch->records == NULL)
    return NULL;

  return g_steal_pointer (&batch);
}

void
nb_import_batch_free (NbImportBatch *batch)
{
  if (batch == NULL)
    return;

  g_clear_pointer (&batch->data, g_bytes_unref);
  g_clear_pointer (&batch->records, g_ptr_array_unref);
  g_free (batch);
}

NbImportFormat
nb_import_batch_get_format (NbImportBatch *batch)
{
  g_return_val_if_fail (batch != NULL, NB_IMPORT_FORMAT_AUTO);

  return batch->format;
}

guint
nb_import_batch_get_n_records (NbImportBatch *batch)
{
  g_return_val_if_fail (batch != NULL, 0);

  return batch->records != NULL ? batch->records->len : 0;
}

static gboolean
import_json (NbStore         *store,
             GBytes          *data,
             NbImportReport  *report,
             GCancellable    *cancellable,
             GError         **error)
{
  NbJsonImportReport json_report = { 0, };

  if (!nb_json_import (store, data, &json_report, cancellable, error))
    return FALSE;

  report->added += json_report.people_added;
  return TRUE;
}

NbImportReport *
nb_import_batch_write (NbImportBatch         *batch,
                       NbStore               *store,
                       NbImportProgressFunc   progress,
                       gpointer               progress_data,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(NbImportReport) report = NULL;
  ProgressSpan span = { progress, progress_data, 0.5, 0.5 };

  g_return_val_if_fail (batch != NULL, NULL);
  g_return_val_if_fail (!batch->written, NULL);
  g_return_val_if_fail (NB_IS_STORE (store), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = nb_import_report_new ();

  if (batch->format == NB_IMPORT_FORMAT_JSON)
    {
      if (!import_json (store, batch->data, report, cancellable, error))
        return NULL;
    }
  else if (!_nb_import_write (store, batch->records, report,
                              progress != NULL ? progress_in_span_cb : NULL, &span,
                              cancellable, error))
    {
      return NULL;
    }

  batch->written = TRUE;
  _nb_import_report_progress (progress, progress_data, 1.0, "%s", _("Done"));
  return g_steal_pointer (&report);
}

/* ---- synchronous ------------------------------------------------------ */

NbImportReport *
nb_import_bytes (NbStore                *store,
                 GBytes                 *data,
                 const NbImportOptions  *options,
                 NbImportProgressFunc    progress,
                 gpointer                progress_data,
                 GCancellable           *cancellable,
                 GError                **error)
{
  g_autoptr(NbImportBatch) batch = NULL;

  g_return_val_if_fail (NB_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  batch = nb_import_batch_read (data, options, progress, progress_data, cancellable, error);
  if (batch == NULL)
    return NULL;

  return nb_import_batch_write (batch, store, progress, progress_data, cancellable, error);
}

GBytes *
nb_import_load_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Could not read “%s”: it is a folder."), name);
      return NULL;
    }

  if (info != NULL && g_file_info_get_size (info) > NB_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Could not import “%s”: it is larger than %u MB."),
                   name, NB_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("Could not read “%s”: there is no such file."), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("Could not read “%s”: you are not allowed to read it."), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}

/* Errors about the content name the file. */
static void
prefix_with_file (GError **error,
                  GFile   *file)
{
  g_autofree char *name = NULL;

  if (error == NULL || *error == NULL ||
      !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    return;

  name = g_file_get_parse_name (file);
  /* Translators: "FILE: what is wrong with it" */
  g_prefix_error (error, _("%s: "), name);
}

NbImportReport *
nb_import_file (NbStore                *store,
                GFile                  *file,
                const NbImportOptions  *options,
                NbImportProgressFunc    progress,
                gpointer                progress_data,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(GBytes) data = NULL;
  NbImportReport *report;

  g_return_val_if_fail (NB_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = nb_import_load_file (file, cancellable, error);
  if (data == NULL)
    return NULL;

  report = nb_import_bytes (store, data, options, progress, progress_data, cancellable, error);
  if (report == NULL)
    prefix_with_file (error, file);

  return report;
}

/* ---- asynchronous ----------------------------------------------------- */

typedef struct {
  GTask                *task;     /* the import's: not owned */
  GFile                *file;
  char                 *path;     /* the notebook's */
  NbImportOptions      *options;
  NbImportProgressFunc  progress;
  gpointer              progress_data;
  GDestroyNotify        progress_destroy;
  GMainContext         *context;
  gint64                last_progress;  /* throttling, in the worker */
  NbImportReport       *report;         /* written by the worker */
  GArray               *changes;        /* what it committed */
} ImportData;

typedef struct {
  GTask      *task;   /* keeps data alive */
  ImportData *data;
  double      fraction;
  char       *text;
} ProgressCall;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->file);
  g_free (data->path);
  g_clear_pointer (&data->options, nb_import_options_free);
  if (data->progress_destroy != NULL)
    data->progress_destroy (data->progress_data);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_clear_pointer (&data->report, nb_import_report_free);
  g_clear_pointer (&data->changes, g_array_unref);
  g_free (data);
}

static void
progress_call_free (ProgressCall *call)
{
  g_object_unref (call->task);
  g_free (call->text);
  g_free (call);
}

static gboolean
progress_call_cb (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->data->progress (call->fraction, call->text, call->data->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: hands progress to the main context, now and then
 * (and always the end). */
static void
thread_progress_cb (double      fraction,
                    const char *text,
                    gpointer    user_data)
{
  ImportData *data = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressCall *call;

  if (now - data->last_progress < PROGRESS_INTERVAL_US && fraction < 1.0)
    return;
  data->last_progress = now;

  call = g_new0 (ProgressCall, 1);
  call->task = g_object_ref (data->task);
  call->data = data;
  call->fraction = fraction;
  call->text = g_strdup (text);
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, progress_call_cb,
                              call, (GDestroyNotify) progress_call_free);
}

/* The whole import, in a worker thread, on a connection of its own:
 * nothing of it blocks the main loop, and Cancel is honoured until the
 * commit (a rollback leaves nothing). */
static void
import_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportData *data = task_data;
  NbImportProgressFunc progress = data->progress != NULL ? thread_progress_cb : NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NbImportBatch) batch = NULL;
  g_autoptr(NbStore) worker = NULL;
  g_autoptr(GError) error = NULL;

  bytes = nb_import_load_file (data->file, cancellable, &error);
  if (bytes != NULL)
    batch = nb_import_batch_read (bytes, data->options, progress, data, cancellable, &error);
  if (batch == NULL)
    {
      prefix_with_file (&error, data->file);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  worker = _nb_store_open_worker (data->path, &error);
  if (worker != NULL)
    data->report = nb_import_batch_write (batch, worker, progress, data, cancellable, &error);
  if (data->report == NULL)
    {
      if (batch->format != NB_IMPORT_FORMAT_JSON)
        prefix_with_file (&error, data->file);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->changes = _nb_store_take_worker_changes (worker);
  g_task_return_boolean (task, TRUE);
}

static void
import_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NbStore *store = g_task_get_source_object (task);
  ImportData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Committed: the app's models and pages learn of it as of any
   * change. A Cancel that came after the commit is too late. */
  _nb_store_replay_changes (store, data->changes);
  g_task_return_pointer (task, g_steal_pointer (&data->report),
                         (GDestroyNotify) nb_import_report_free);
}

void
nb_import_file_async (NbStore                *store,
                      GFile                  *file,
                      const NbImportOptions  *options,
                      NbImportProgressFunc    progress,
                      gpointer                progress_data,
                      GDestroyNotify          progress_destroy,
                      GCancellable           *cancellable,
                      GAsyncReadyCallback     callback,
                      gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  ImportData *data;

  g_return_if_fail (NB_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ImportData, 1);
  data->file = g_object_ref (file);
  data->options = options != NULL ? nb_import_options_copy (options) : nb_import_options_new ();
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_destroy = progress_destroy;
  data->context = g_main_context_ref_thread_default ();
  data->path = g_strdup (nb_store_get_path (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_import_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  /* Whether it was cancelled is the worker's to say: once it has
   * committed, the import is done. */
  g_task_set_check_cancellable (task, FALSE);
  data->task = task;

  /* The worker's task has no source object: @store never leaves this
   * thread. */
  worker = g_task_new (NULL, cancellable, import_done_cb, g_object_ref (task));
  g_task_set_source_tag (worker, nb_import_file_async);
  g_task_set_task_data (worker, data, NULL);
  g_task_set_check_cancellable (worker, FALSE);
  g_task_run_in_thread (worker, import_in_thread);
}

NbImportReport *
nb_import_file_finish (NbStore       *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (NB_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, nb_import_file_async), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
