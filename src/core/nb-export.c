/* nb-export.c: vCard 4.0, and the export entry points.
 *
 * The formats are described in nb-export.h; CSV is in nb-export-csv.c,
 * Markdown in nb-export-markdown.c, JSON in nb-json.c, and the snapshot
 * they are all written from in nb-export-data.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-export-private.h"
#include "nb-json.h"

/* vCard lines are folded at 75 octets (RFC 6350 §3.2). */
#define VCARD_LINE_OCTETS 75

/* The namespace of Netbook's person UIDs (a random UUID, never change). */
static const guint8 uid_namespace[16] = {
  0x6f, 0x1c, 0x0a, 0x4e, 0x5b, 0x2d, 0x4c, 0x3e,
  0x9a, 0x7f, 0x2d, 0x8e, 0x1b, 0x4c, 0x6a, 0x90,
};

typedef struct
{
  NbExportFormat  format;
  GArray         *person_ids;  /* gint64, NULL = everyone */
  GFile          *dest;
  char           *db_path;
} ExportTask;

static const char * const format_names[] = { "vcard", "csv", "json", "markdown" };

static void
export_task_free (ExportTask *task)
{
  g_clear_pointer (&task->person_ids, g_array_unref);
  g_clear_object (&task->dest);
  g_free (task->db_path);
  g_free (task);
}

/* ---- vCard ------------------------------------------------------------- */

/* Text as a vCard TEXT value: \ , ; and line breaks escaped, other
 * control characters (which a vCard cannot hold) dropped. */
static void
append_vcard_text (GString    *out,
                   const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case '\r':
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append_c (out, ' ');
          break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
          break;
        }
    }
}

/* A URI value is not escaped, but still cannot hold control characters. */
static void
append_vcard_uri (GString    *out,
                  const char *uri)
{
  for (const char *p = uri; *p != '\0'; p++)
    {
      if ((guchar) *p > 0x20 && *p != 0x7f)
        g_string_append_c (out, *p);
    }
}

/* Appends @line (without its line end) folded at 75 octets, never inside
 * a UTF-8 sequence, and CRLF. */
static void
append_folded (GString    *out,
               const char *line,
               gsize       length)
{
  gsize start = 0;
  gsize room = VCARD_LINE_OCTETS;

  while (length - start > room)
    {
      gsize cut = start + room;

      while (cut > start && ((guchar) line[cut] & 0xc0) == 0x80)
        cut--;
      g_string_append_len (out, line + start, (gssize) (cut - start));
      g_string_append (out, "\r\n ");
      start = cut;
      /* Continuation lines start with the space, which counts. */
      room = VCARD_LINE_OCTETS - 1;
    }

  g_string_append_len (out, line + start, (gssize) (length - start));
  g_string_append (out, "\r\n");
}

static void
add_property (GString    *out,
              GString    *line,
              const char *name,
              const char *text)
{
  g_string_assign (line, name);
  g_string_append_c (line, ':');
  append_vcard_text (line, text);
  append_folded (out, line->str, line->len);
}

static void
add_values (GString    *out,
            GString    *line,
            NbPerson   *person,
            const char *name,
            NbPersonField field)
{
  g_auto(GStrv) values = nb_person_dup_values (person, field);

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (values[i]));

      if (*value == '\0')
        continue;

      if (field == NB_PERSON_URLS)
        {
          g_string_assign (line, name);
          g_string_append_c (line, ':');
          append_vcard_uri (line, value);
          append_folded (out, line->str, line->len);
        }
      else
        {
          add_property (out, line, name, value);
        }
    }
}

/* Family and given name: the card's own, else from the display name. */
static void
split_name (NbPerson  *person,
            char     **family,
            char     **given)
{
  const char *family_field = nb_person_get_field (person, NB_PERSON_FAMILY_NAME);
  const char *given_field = nb_person_get_field (person, NB_PERSON_GIVEN_NAME);
  g_autofree char *name = NULL;
  const char *comma;
  char *last_space;

  if (*family_field != '\0' || *given_field != '\0')
    {
      *family = g_strdup (family_field);
      *given = g_strdup (given_field);
      return;
    }

  name = g_strstrip (g_strdup (nb_person_get_display_name (person)));

  /* "Smith, Bob" is how many address books write it. */
  comma = strchr (name, ',');
  if (comma != NULL)
    {
      *family = g_strstrip (g_strndup (name, (gsize) (comma - name)));
      *given = g_strstrip (g_strdup (comma + 1));
      return;
    }

  last_space = strrchr (name, ' ');
  if (last_space == NULL)
    {
      *family = g_strdup ("");
      *given = g_steal_pointer (&name);
      return;
    }

  *family = g_strdup (last_space + 1);
  *last_space = '\0';
  *given = g_strdup (g_strchomp (name));
}

/* urn:uuid: of a version 5 UUID of the person's id and creation time. */
static char *
person_uid (NbPerson *person)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree char *name = NULL;
  guint8 digest[20];
  gsize length = sizeof digest;

  name = g_strdup_printf ("netbook-person:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                          nb_person_get_id (person), nb_person_get_created (person));
  g_checksum_update (checksum, uid_namespace, sizeof uid_namespace);
  g_checksum_update (checksum, (const guchar *) name, -1);
  g_checksum_get_digest (checksum, digest, &length);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4],
                          digest[5], digest[6], digest[7], digest[8], digest[9],
                          digest[10], digest[11], digest[12], digest[13], digest[14],
                          digest[15]);
}

static void
append_note_line (GString       *note,
                  const char    *label,
                  const char    *value)
{
  if (*value == '\0')
    return;

  if (note->len > 0)
    g_string_append_c (note, '\n');
  /* Translators: a line of a vCard note: "Offers: bookkeeping". */
  g_string_append_printf (note, _("%s: %s"), label, value);
}

/* The readable summary in NOTE (see nb-export.h). */
static char *
build_note (NbExportData *data,
            NbPerson     *person)
{
  static const NbPersonField fields[] = {
    NB_PERSON_TARGET_MARKET, NB_PERSON_OFFERS, NB_PERSON_INTERESTS,
    NB_PERSON_INDUSTRY, NB_PERSON_LOCATION,
  };
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GString) met = g_string_new (nb_person_get_field (person, NB_PERSON_MET_DATE));
  const char *met_where = nb_person_get_field (person, NB_PERSON_MET_WHERE);
  GPtrArray *timeline;
  gboolean first_note = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    append_note_line (note, nb_person_field_get_label (fields[i]),
                      nb_person_get_field (person, fields[i]));

  if (met->len > 0 && *met_where != '\0')
    g_string_append (met, ", ");
  g_string_append (met, met_where);
  append_note_line (note, _("Met"), met->str);

  timeline = _nb_export_data_get_timeline (data, nb_person_get_id (person));
  for (guint i = 0; i < timeline->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (timeline, i);

      if (nb_entry_get_kind (entry) != NB_ENTRY_NOTE ||
          nb_entry_get_person_id (entry) != nb_person_get_id (person))
        continue;

      if (note->len > 0)
        g_string_append (note, first_note ? "\n\n" : "\n");
      first_note = FALSE;
      g_string_append_printf (note, "%s: %s", nb_entry_get_date (entry), nb_entry_get_text (entry));
    }

  return g_string_free (g_steal_pointer (&note), FALSE);
}

static void
append_vcard (GString      *out,
              NbExportData *data,
              NbPerson     *person)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *family = NULL;
  g_autofree char *given = NULL;
  g_autofree char *note = NULL;
  g_autofree char *uid = NULL;
  g_autoptr(GDateTime) updated = NULL;
  const char * const *tags = nb_person_get_tags (person);
  const char *birthday = nb_person_get_field (person, NB_PERSON_BIRTHDAY);
  const char *value;

  g_string_append (out, "BEGIN:VCARD\r\nVERSION:4.0\r\n");
  add_property (out, line, "PRODID", "-//Netbook//Netbook " PACKAGE_VERSION "//EN");
  add_property (out, line, "FN", nb_person_get_display_name (person));

  split_name (person, &family, &given);
  g_string_assign (line, "N:");
  append_vcard_text (line, family);
  g_string_append_c (line, ';');
  append_vcard_text (line, given);
  g_string_append (line, ";;;");
  append_folded (out, line->str, line->len);

  if (*(value = nb_person_get_company (person)) != '\0')
    add_property (out, line, "ORG", value);
  if (*(value = nb_person_get_role (person)) != '\0')
    add_property (out, line, "TITLE", value);

  add_values (out, line, person, "EMAIL", NB_PERSON_EMAILS);
  add_values (out, line, person, "TEL", NB_PERSON_PHONES);
  add_values (out, line, person, "URL", NB_PERSON_URLS);

  if (tags[0] != NULL)
    {
      g_string_assign (line, "CATEGORIES:");
      for (guint i = 0; tags[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (line, ',');
          append_vcard_text (line, tags[i]);
        }
      append_folded (out, line->str, line->len);
    }

  if (*birthday != '\0')
    {
      g_autofree char *basic = g_strdup (birthday);
      char *w = basic;

      /* vCard 4.0 dates have no dashes: 19800215. */
      for (const char *r = birthday; *r != '\0'; r++)
        if (*r != '-')
          *w++ = *r;
      *w = '\0';
      add_property (out, line, "BDAY", basic);
    }

  note = build_note (data, person);
  if (*note != '\0')
    add_property (out, line, "NOTE", note);

  if (nb_person_get_photo (person) != NULL)
    {
      GBytes *photo = nb_person_get_photo (person);
      gsize size = 0;
      const guchar *bytes = g_bytes_get_data (photo, &size);
      g_autofree char *type = g_content_type_guess (NULL, bytes, size, NULL);
      g_autofree char *mime = g_content_type_get_mime_type (type);
      g_autofree char *base64 = g_base64_encode (bytes, size);

      g_string_printf (line, "PHOTO:data:%s;base64,%s",
                       mime != NULL ? mime : "application/octet-stream", base64);
      append_folded (out, line->str, line->len);
    }

  updated = g_date_time_new_from_unix_utc (nb_person_get_updated (person));
  if (updated != NULL)
    {
      g_autofree char *rev = g_date_time_format (updated, "%Y%m%dT%H%M%SZ");

      add_property (out, line, "REV", rev);
    }

  uid = person_uid (person);
  g_string_printf (line, "UID:%s", uid);
  append_folded (out, line->str, line->len);

  g_string_append (out, "END:VCARD\r\n");
}

gboolean
_nb_export_vcard_data (NbExportData  *data,
                       GPtrArray     *people,
                       GOutputStream *stream,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    {
      g_string_truncate (out, 0);
      append_vcard (out, data, g_ptr_array_index (people, i));
      if (!_nb_export_write_all (stream, out->str, out->len, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/* ---- Entry points ------------------------------------------------------ */

const char *
nb_export_format_to_string (NbExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), NULL);

  return format_names[format];
}

gboolean
nb_export_format_from_string (const char     *str,
                              NbExportFormat *out_format)
{
  g_return_val_if_fail (out_format != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_ascii_strcasecmp (str, format_names[i]) == 0)
        {
          *out_format = (NbExportFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
nb_export_format_get_extension (NbExportFormat format)
{
  switch (format)
    {
    case NB_EXPORT_VCARD:
      return "vcf";
    case NB_EXPORT_CSV:
      return "csv";
    case NB_EXPORT_JSON:
      return "json";
    case NB_EXPORT_MARKDOWN:
    default:
      return NULL;
    }
}

typedef gboolean (*StreamWriter) (NbExportData  *data,
                                  GPtrArray     *people,
                                  GOutputStream *stream,
                                  GCancellable  *cancellable,
                                  GError       **error);

static gboolean
export_to_stream (NbStore        *store,
                  StreamWriter    writer,
                  const gint64   *person_ids,
                  guint           n_person_ids,
                  GOutputStream  *stream,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(NbExportData) data = NULL;
  g_autoptr(GPtrArray) people = NULL;

  data = _nb_export_data_load (store, error);
  if (data == NULL)
    return FALSE;

  people = _nb_export_data_select (data, person_ids, n_person_ids, error);
  if (people == NULL)
    return FALSE;

  return writer (data, people, stream, cancellable, error);
}

gboolean
nb_export_vcard (NbStore        *store,
                 const gint64   *person_ids,
                 guint           n_person_ids,
                 GOutputStream  *stream,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_return_val_if_fail (NB_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_to_stream (store, _nb_export_vcard_data, person_ids, n_person_ids,
                           stream, cancellable, error);
}

gboolean
nb_export_csv (NbStore        *store,
               const gint64   *person_ids,
               guint           n_person_ids,
               GOutputStream  *stream,
               GCancellable   *cancellable,
               GError        **error)
{
  g_return_val_if_fail (NB_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_to_stream (store, _nb_export_csv_data, person_ids, n_person_ids,
                           stream, cancellable, error);
}

gboolean
nb_export_markdown (NbStore        *store,
                    const gint64   *person_ids,
                    guint           n_person_ids,
                    GFile          *dir,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_return_val_if_fail (NB_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return nb_export_to_file (store, NB_EXPORT_MARKDOWN, person_ids, n_person_ids,
                            dir, cancellable, error);
}

static gboolean
write_file (NbExportData    *data,
            NbExportFormat   format,
            GPtrArray       *people,
            GFile           *dest,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort = NULL;
  gboolean existed = g_file_query_exists (dest, NULL);
  gboolean ok;

  /* Replacing writes a temporary file renamed over @dest on close. */
  file_stream = g_file_replace (dest, NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                cancellable, error);
  if (file_stream == NULL)
    return FALSE;

  stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_stream), 64 * 1024);

  switch (format)
    {
    case NB_EXPORT_VCARD:
      ok = _nb_export_vcard_data (data, people, stream, cancellable, error);
      break;
    case NB_EXPORT_CSV:
      ok = _nb_export_csv_data (data, people, stream, cancellable, error);
      break;
    case NB_EXPORT_JSON:
      ok = _nb_json_export_data (data, stream, cancellable, error);
      break;
    case NB_EXPORT_MARKDOWN:
    default:
      g_assert_not_reached ();
    }

  if (ok && g_output_stream_close (stream, cancellable, error))
    return TRUE;

  /* Closing with a cancelled cancellable drops the temporary file and
   * keeps what @dest was; a file that was not there before goes. */
  abort = g_cancellable_new ();
  g_cancellable_cancel (abort);
  g_output_stream_close (stream, abort, NULL);
  if (!existed)
    g_file_delete (dest, NULL, NULL);

  return FALSE;
}

static gboolean
export_data_to_file (NbExportData    *data,
                     NbExportFormat   format,
                     const gint64    *person_ids,
                     guint            n_person_ids,
                     GFile           *dest,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autoptr(GPtrArray) people = NULL;

  if (format == NB_EXPORT_JSON && person_ids != NULL)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("A JSON export always holds the whole notebook; choose another format to export some people."));
      return FALSE;
    }

  people = _nb_export_data_select (data, person_ids, n_person_ids, error);
  if (people == NULL)
    return FALSE;

  if (format == NB_EXPORT_MARKDOWN)
    {
      g_autofree char *today = nb_date_today_iso ();

      return _nb_export_markdown_data (data, people, dest, today, cancellable, error);
    }

  return write_file (data, format, people, dest, cancellable, error);
}

gboolean
nb_export_to_file (NbStore         *store,
                   NbExportFormat   format,
                   const gint64    *person_ids,
                   guint            n_person_ids,
                   GFile           *dest,
                   GCancellable    *cancellable,
                   GError         **error)
{
  g_autoptr(NbExportData) data = NULL;

  g_return_val_if_fail (NB_IS_STORE (store), FALSE);
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = _nb_export_data_load (store, error);
  if (data == NULL)
    return FALSE;

  return export_data_to_file (data, format, person_ids, n_person_ids, dest, cancellable, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *export = task_data;
  g_autoptr(NbExportData) data = NULL;
  g_autoptr(GError) error = NULL;

  data = _nb_export_data_load_path (export->db_path, &error);
  if (data == NULL ||
      !export_data_to_file (data, export->format,
                            export->person_ids != NULL ? (const gint64 *) export->person_ids->data : NULL,
                            export->person_ids != NULL ? export->person_ids->len : 0,
                            export->dest, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
nb_export_to_file_async (NbStore             *store,
                         NbExportFormat       format,
                         const gint64        *person_ids,
                         guint                n_person_ids,
                         GFile               *dest,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTask *export;

  g_return_if_fail (NB_IS_STORE (store));
  g_return_if_fail ((guint) format < G_N_ELEMENTS (format_names));
  g_return_if_fail (G_IS_FILE (dest));

  export = g_new0 (ExportTask, 1);
  export->format = format;
  export->dest = g_object_ref (dest);
  export->db_path = g_strdup (nb_store_get_path (store));
  if (person_ids != NULL)
    {
      export->person_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_person_ids);
      g_array_append_vals (export->person_ids, person_ids, n_person_ids);
    }

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_export_to_file_async);
  g_task_set_task_data (task, export, (GDestroyNotify) export_task_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
nb_export_to_file_finish (NbStore       *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (NB_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, nb_export_to_file_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
