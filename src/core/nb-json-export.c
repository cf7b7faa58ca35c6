/* nb-json-export.c: writing the JSON export (format in nb-json.h).
 *
 * The document is streamed as it is written, a block at a time, rather
 * than built as a json-glib tree first: for a notebook of 10,000 people
 * and 100,000 entries a tree took seconds and hundreds of megabytes. The
 * layout is json-glib's pretty printing ("key" : value, two spaces).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-export-private.h"
#include "nb-json-private.h"

/* Output is handed to the stream in blocks of about this size. */
#define BLOCK_SIZE (64 * 1024)
/* The deepest nesting the format has: root, list, element, tags. */
#define MAX_DEPTH 8

typedef struct
{
  GString       *out;
  GOutputStream *stream;
  GCancellable  *cancellable;
  guint          depth;
  gboolean       empty[MAX_DEPTH];  /* nothing written yet at this level */
} Writer;

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* Starts a value at the current level: a comma after the previous one,
 * a line break, the indentation and, in an object, the key. */
static void
begin_value (Writer     *w,
             const char *key)
{
  if (w->depth > 0)
    {
      if (!w->empty[w->depth])
        g_string_append_c (w->out, ',');
      g_string_append_c (w->out, '\n');
      for (guint i = 0; i < w->depth; i++)
        g_string_append (w->out, "  ");
      w->empty[w->depth] = FALSE;
    }

  if (key != NULL)
    {
      append_string (w->out, key);
      g_string_append (w->out, " : ");
    }
}

static void
open_level (Writer     *w,
            const char *key,
            char        bracket)
{
  begin_value (w, key);
  g_string_append_c (w->out, bracket);
  g_assert (w->depth + 1 < MAX_DEPTH);
  w->depth++;
  w->empty[w->depth] = TRUE;
}

static void
close_level (Writer *w,
             char    bracket)
{
  gboolean empty = w->empty[w->depth];

  w->depth--;
  if (!empty)
    {
      g_string_append_c (w->out, '\n');
      for (guint i = 0; i < w->depth; i++)
        g_string_append (w->out, "  ");
    }
  g_string_append_c (w->out, bracket);
}

static void
add_string (Writer     *w,
            const char *key,
            const char *value)
{
  begin_value (w, key);
  append_string (w->out, value != NULL ? value : "");
}

static void
add_int (Writer     *w,
         const char *key,
         gint64      value)
{
  begin_value (w, key);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

/* An id, or null for 0. */
static void
add_ref (Writer     *w,
         const char *key,
         gint64      id)
{
  if (id != 0)
    {
      add_int (w, key, id);
      return;
    }

  begin_value (w, key);
  g_string_append (w->out, "null");
}

static void
add_time (Writer     *w,
          const char *key,
          gint64      unix_time)
{
  g_autofree char *text = _nb_json_format_time (unix_time);

  add_string (w, key, text);
}

/* Hands what was written so far to the stream once it is a block. */
static gboolean
maybe_flush (Writer  *w,
             GError **error)
{
  if (w->out->len < BLOCK_SIZE)
    return TRUE;

  if (!_nb_export_write_all (w->stream, w->out->str, w->out->len, w->cancellable, error))
    return FALSE;
  g_string_truncate (w->out, 0);
  return TRUE;
}

static void
write_person (Writer   *w,
              NbPerson *person)
{
  const char * const *tags = nb_person_get_tags (person);
  GBytes *photo = nb_person_get_photo (person);

  open_level (w, NULL, '{');
  add_int (w, "id", nb_person_get_id (person));
  for (guint f = 0; f < NB_PERSON_N_FIELDS; f++)
    add_string (w, nb_person_field_get_key ((NbPersonField) f),
                nb_person_get_field (person, (NbPersonField) f));

  open_level (w, "tags", '[');
  for (guint i = 0; tags[i] != NULL; i++)
    add_string (w, NULL, tags[i]);
  close_level (w, ']');

  add_int (w, "cadence_days", nb_person_get_cadence_days (person));
  add_int (w, "rapport", nb_person_get_rapport (person));
  begin_value (w, "archived");
  g_string_append (w->out, nb_person_get_archived (person) ? "true" : "false");
  add_ref (w, "introduced_by", nb_person_get_introduced_by (person));
  add_time (w, "created", nb_person_get_created (person));
  add_time (w, "updated", nb_person_get_updated (person));

  if (photo != NULL)
    {
      gsize size = 0;
      const guchar *bytes = g_bytes_get_data (photo, &size);
      g_autofree char *base64 = g_base64_encode (bytes, size);

      add_string (w, "photo", base64);
    }

  close_level (w, '}');
}

static void
write_entry (Writer  *w,
             NbEntry *entry)
{
  open_level (w, NULL, '{');
  add_int (w, "id", nb_entry_get_id (entry));
  add_int (w, "person_id", nb_entry_get_person_id (entry));
  add_ref (w, "other_person_id", nb_entry_get_other_person_id (entry));
  add_ref (w, "event_id", nb_entry_get_event_id (entry));
  add_string (w, "kind", nb_entry_kind_to_string (nb_entry_get_kind (entry)));
  add_string (w, "date", nb_entry_get_date (entry));
  add_string (w, "due", nb_entry_get_due (entry));
  add_string (w, "status", nb_status_to_string (nb_entry_get_status (entry)));
  add_string (w, "text", nb_entry_get_text (entry));
  add_time (w, "created", nb_entry_get_created (entry));
  add_time (w, "updated", nb_entry_get_updated (entry));
  close_level (w, '}');
}

static void
write_event (Writer       *w,
             NbExportData *data,
             guint         index)
{
  NbEvent *event = g_ptr_array_index (data->events, index);
  GArray *attendees = _nb_export_data_get_attendees (data, nb_event_get_id (event));

  open_level (w, NULL, '{');
  add_int (w, "id", nb_event_get_id (event));
  add_string (w, "name", nb_event_get_name (event));
  add_string (w, "date", nb_event_get_date (event));
  add_string (w, "place", nb_event_get_place (event));
  add_time (w, "created", g_array_index (data->event_created, gint64, index));
  open_level (w, "attendees", '[');
  for (guint i = 0; attendees != NULL && i < attendees->len; i++)
    add_int (w, NULL, g_array_index (attendees, gint64, i));
  close_level (w, ']');
  close_level (w, '}');
}

gboolean
_nb_json_export_data (NbExportData  *data,
                      GOutputStream *stream,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GString) out = g_string_sized_new (BLOCK_SIZE + 4096);
  Writer w = { out, stream, cancellable, 0, { FALSE, } };

  open_level (&w, NULL, '{');
  add_string (&w, "format", "netbook");
  add_int (&w, "version", NB_JSON_FORMAT_VERSION);
  add_time (&w, "exported", g_get_real_time () / G_USEC_PER_SEC);

  open_level (&w, "profile", '{');
  add_string (&w, "offers", data->offers);
  add_string (&w, "looking_for", data->looking_for);
  close_level (&w, '}');

  open_level (&w, "people", '[');
  for (guint i = 0; i < data->people->len; i++)
    {
      write_person (&w, g_ptr_array_index (data->people, i));
      if (!maybe_flush (&w, error))
        return FALSE;
    }
  close_level (&w, ']');

  open_level (&w, "entries", '[');
  for (guint i = 0; i < data->entries->len; i++)
    {
      write_entry (&w, g_ptr_array_index (data->entries, i));
      if (!maybe_flush (&w, error))
        return FALSE;
    }
  close_level (&w, ']');

  open_level (&w, "events", '[');
  for (guint i = 0; i < data->events->len; i++)
    {
      write_event (&w, data, i);
      if (!maybe_flush (&w, error))
        return FALSE;
    }
  close_level (&w, ']');
  close_level (&w, '}');
  g_string_append_c (out, '\n');

  return _nb_export_write_all (stream, out->str, out->len, cancellable, error);
}

gboolean
nb_json_export (NbStore        *store,
                GOutputStream  *stream,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autoptr(NbExportData) data = NULL;

  g_return_val_if_fail (NB_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = _nb_export_data_load (store, error);
  if (data == NULL)
    return FALSE;

  return _nb_json_export_data (data, stream, cancellable, error);
}
