/* nb-json-parse.c: reading a JSON export strictly (format in nb-json.h).
 *
 * Every refusal names the place in the document, the way a user would
 * look for it: "people[3].tags must be a list".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include "nb-date.h"
#include "nb-json-private.h"

/* The keys of a person besides the card's fields. */
static const char * const person_keys[] = {
  "id", "tags", "cadence_days", "rapport", "archived", "introduced_by",
  "created", "updated", "photo", NULL
};
static const char * const entry_keys[] = {
  "id", "person_id", "other_person_id", "event_id", "kind", "date", "due",
  "status", "text", "created", "updated", NULL
};
static const char * const event_keys[] = {
  "id", "name", "date", "place", "created", "attendees", NULL
};
static const char * const root_keys[] = {
  "format", "version", "exported", "profile", "people", "entries", "events", NULL
};
static const char * const profile_keys[] = { "offers", "looking_for", NULL };

/* The same limits as the store's. */
#define MAX_CADENCE_DAYS 36500
#define MAX_RAPPORT 5

typedef struct
{
  GHashTable *person_ids;  /* gint64* (into the document's arrays) */
  GHashTable *event_ids;
  GHashTable *entry_ids;
  gint64      now;
} Parser;

static gboolean
check_person_ref (Parser      *parser,
                  gint64       id,
                  const char  *path,
                  const char  *key,
                  GError     **error)
{
  if (id == 0 || g_hash_table_contains (parser->person_ids, &id))
    return TRUE;

  /* Translators: "entries[2].person_id 7 is not the id of a person in the export" */
  return _nb_json_refuse (error, _("%s.%s %" G_GINT64_FORMAT " is not the id of a person in the export"),
                          path, key, id);
}

/* ---- People ------------------------------------------------------------ */

static gboolean
parse_tags (JsonObject  *object,
            const char  *path,
            NbPerson    *person,
            GError     **error)
{
  g_autofree char *where = _nb_json_member_path (path, "tags");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tags = NULL;
  JsonArray *array;
  GError *local_error = NULL;

  array = _nb_json_get_array (object, path, "tags", FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *stripped = NULL;
      const char *tag;

      if (!_nb_json_is_value_of_type (node, G_TYPE_STRING))
        return _nb_json_refuse (error, _("%s[%u] must be text"), where, i);

      tag = json_node_get_string (node);
      if (!_nb_json_check_text (tag, where, error))
        return FALSE;
      stripped = g_strstrip (g_strdup (tag));
      if (*stripped == '\0')
        return _nb_json_refuse (error, _("%s[%u] is empty"), where, i);
      g_strv_builder_add (builder, tag);
    }

  tags = g_strv_builder_end (builder);
  nb_person_set_tags (person, (const char * const *) tags);
  return TRUE;
}

static gboolean
parse_photo (JsonObject  *object,
             const char  *path,
             NbPerson    *person,
             GError     **error)
{
  g_autofree char *where = _nb_json_member_path (path, "photo");
  JsonNode *node = json_object_get_member (object, "photo");
  g_autoptr(GBytes) photo = NULL;
  const char *text;
  guchar *bytes;
  gsize size = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!_nb_json_is_value_of_type (node, G_TYPE_STRING))
    return _nb_json_refuse (error, _("%s must be base64 text or null"), where);

  text = json_node_get_string (node);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("+/=\r\n ", *p) == NULL)
        return _nb_json_refuse (error, _("%s must be base64 text or null"), where);
    }

  bytes = g_base64_decode (text, &size);
  photo = g_bytes_new_take (bytes, size);
  nb_person_set_photo (person, photo);
  return TRUE;
}

static gboolean
parse_person (Parser        *parser,
              JsonObject    *object,
              const char    *path,
              NbJsonPerson  *out,
              GError       **error)
{
  g_autoptr(NbPerson) person = nb_person_new (NULL);
  g_autofree char *name = NULL;
  const char *value;
  gint64 number;

  if (!_nb_json_check_keys (object, path, person_keys, TRUE, error) ||
      !_nb_json_get_ref (object, path, "id", TRUE, &out->id, error))
    return FALSE;

  for (guint f = 0; f < NB_PERSON_N_FIELDS; f++)
    {
      NbPersonField field = (NbPersonField) f;
      const char *key = nb_person_field_get_key (field);

      if (field == NB_PERSON_MET_DATE || field == NB_PERSON_BIRTHDAY)
        {
          if (!_nb_json_get_date (object, path, key, FALSE, &value, error))
            return FALSE;
        }
      else if (!_nb_json_get_string (object, path, key, field == NB_PERSON_DISPLAY_NAME, &value, error))
        {
          return FALSE;
        }
      nb_person_set_field (person, field, value);
    }

  name = g_strstrip (g_strdup (nb_person_get_display_name (person)));
  if (*name == '\0')
    return _nb_json_refuse (error, _("%s.display_name is empty"), path);

  if (!parse_tags (object, path, person, error) ||
      !parse_photo (object, path, person, error))
    return FALSE;

  if (!_nb_json_get_int (object, path, "cadence_days", FALSE, 0, MAX_CADENCE_DAYS, &number, error))
    return FALSE;
  nb_person_set_cadence_days (person, (guint) number);
  if (!_nb_json_get_int (object, path, "rapport", FALSE, 0, MAX_RAPPORT, &number, error))
    return FALSE;
  nb_person_set_rapport (person, (guint) number);

  {
    JsonNode *node = json_object_get_member (object, "archived");

    if (node != NULL && !_nb_json_is_value_of_type (node, G_TYPE_BOOLEAN))
      return _nb_json_refuse (error, _("%s.archived must be true or false"), path);
    nb_person_set_archived (person, node != NULL && json_node_get_boolean (node));
  }

  if (!_nb_json_get_ref (object, path, "introduced_by", FALSE, &out->introduced_by, error) ||
      !_nb_json_get_time (object, path, "created", parser->now, &out->created, error) ||
      !_nb_json_get_time (object, path, "updated", parser->now, &out->updated, error))
    return FALSE;

  if (out->introduced_by == out->id)
    return _nb_json_refuse (error, _("%s.introduced_by is the person themselves"), path);

  out->person = g_steal_pointer (&person);
  return TRUE;
}

/* ---- Events and entries ------------------------------------------------ */

static gboolean
parse_event (Parser       *parser,
             JsonObject   *object,
             const char   *path,
             NbJsonEvent  *out,
             GError      **error)
{
  const char *name;
  const char *date;
  const char *place;
  g_autofree char *stripped = NULL;
  JsonArray *attendees;
  GError *local_error = NULL;

  if (!_nb_json_check_keys (object, path, event_keys, FALSE, error) ||
      !_nb_json_get_ref (object, path, "id", TRUE, &out->id, error) ||
      !_nb_json_get_string (object, path, "name", TRUE, &name, error) ||
      !_nb_json_get_date (object, path, "date", FALSE, &date, error) ||
      !_nb_json_get_string (object, path, "place", FALSE, &place, error) ||
      !_nb_json_get_time (object, path, "created", parser->now, &out->created, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    return _nb_json_refuse (error, _("%s.name is empty"), path);

  out->event = nb_event_new (name, date, place);
  out->attendees = g_array_new (FALSE, FALSE, sizeof (gint64));

  attendees = _nb_json_get_array (object, path, "attendees", FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; attendees != NULL && i < json_array_get_length (attendees); i++)
    {
      JsonNode *node = json_array_get_element (attendees, i);
      g_autofree char *where = g_strdup_printf ("%s.attendees[%u]", path, i);
      gint64 id;

      if (!_nb_json_is_value_of_type (node, G_TYPE_INT64) || json_node_get_int (node) <= 0)
        return _nb_json_refuse (error, _("%s must be an id (a whole number above 0)"), where);

      id = json_node_get_int (node);
      if (!g_hash_table_contains (parser->person_ids, &id))
        return _nb_json_refuse (error, _("%s %" G_GINT64_FORMAT " is not the id of a person in the export"),
                                where, id);
      g_array_append_val (out->attendees, id);
    }

  return TRUE;
}

static gboolean
parse_entry (Parser       *parser,
             JsonObject   *object,
             const char   *path,
             NbJsonEntry  *out,
             GError      **error)
{
  gint64 person_id;
  gint64 other_id;
  gint64 event_id;
  const char *kind_text;
  const char *status_text;
  const char *date;
  const char *due;
  const char *text;
  NbEntryKind kind;
  NbStatus status;

  if (!_nb_json_check_keys (object, path, entry_keys, FALSE, error) ||
      !_nb_json_get_ref (object, path, "id", TRUE, &out->id, error) ||
      !_nb_json_get_ref (object, path, "person_id", TRUE, &person_id, error) ||
      !_nb_json_get_ref (object, path, "other_person_id", FALSE, &other_id, error) ||
      !_nb_json_get_ref (object, path, "event_id", FALSE, &event_id, error) ||
      !_nb_json_get_string (object, path, "kind", TRUE, &kind_text, error) ||
      !_nb_json_get_date (object, path, "date", TRUE, &date, error) ||
      !_nb_json_get_date (object, path, "due", FALSE, &due, error) ||
      !_nb_json_get_string (object, path, "text", FALSE, &text, error) ||
      !_nb_json_get_time (object, path, "created", parser->now, &out->created, error) ||
      !_nb_json_get_time (object, path, "updated", parser->now, &out->updated, error))
    return FALSE;

  if (!check_person_ref (parser, person_id, path, "person_id", error) ||
      !check_person_ref (parser, other_id, path, "other_person_id", error))
    return FALSE;
  if (event_id != 0 && !g_hash_table_contains (parser->event_ids, &event_id))
    return _nb_json_refuse (error, _("%s.event_id %" G_GINT64_FORMAT " is not the id of an event in the export"),
                            path, event_id);
  if (other_id == person_id)
    return _nb_json_refuse (error, _("%s.other_person_id is the person themselves"), path);

  if (!nb_entry_kind_from_string (kind_text, &kind))
    return _nb_json_refuse (error, _("%s.kind “%s” is not a kind of entry"), path, kind_text);

  if (!_nb_json_get_string (object, path, "status", nb_entry_kind_has_status (kind), &status_text, error))
    return FALSE;
  if (!nb_status_from_string (status_text, &status) ||
      !nb_entry_kind_accepts_status (kind, status))
    return _nb_json_refuse (error, _("%s.status “%s” is not a status of a %s"), path, status_text, kind_text);

  if (kind == NB_ENTRY_FOLLOW_UP && *due == '\0')
    return _nb_json_refuse (error, _("%s.due is missing: a follow-up needs a due date"), path);

  out->entry = nb_entry_new (kind, person_id, date, text);
  nb_entry_set_other_person_id (out->entry, other_id);
  nb_entry_set_event_id (out->entry, event_id);
  nb_entry_set_due (out->entry, due);
  nb_entry_set_status (out->entry, status);
  return TRUE;
}

/* ---- The document ------------------------------------------------------ */

static void
clear_person (gpointer data)
{
  NbJsonPerson *person = data;

  g_clear_object (&person->person);
}

static void
clear_event (gpointer data)
{
  NbJsonEvent *event = data;

  g_clear_object (&event->event);
  g_clear_pointer (&event->attendees, g_array_unref);
}

static void
clear_entry (gpointer data)
{
  NbJsonEntry *entry = data;

  g_clear_object (&entry->entry);
}

void
_nb_json_document_free (NbJsonDocument *document)
{
  if (document == NULL)
    return;

  g_clear_pointer (&document->people, g_array_unref);
  g_clear_pointer (&document->events, g_array_unref);
  g_clear_pointer (&document->entries, g_array_unref);
  g_free (document->offers);
  g_free (document->looking_for);
  g_free (document);
}

static gboolean
parse_header (JsonObject      *root,
              NbJsonDocument  *document,
              GError         **error)
{
  const char *exported;
  gint64 version;
  JsonNode *node;

  node = json_object_get_member (root, "format");
  if (node == NULL || !_nb_json_is_value_of_type (node, G_TYPE_STRING) ||
      !g_str_equal (json_node_get_string (node), "netbook"))
    return _nb_json_refuse (error, _("it has no “format”: “netbook”, so it is not a Netbook JSON export"));

  node = json_object_get_member (root, "version");
  if (node == NULL || !_nb_json_is_value_of_type (node, G_TYPE_INT64))
    return _nb_json_refuse (error, _("“version” must be a whole number"));
  version = json_node_get_int (node);
  if (version > NB_JSON_FORMAT_VERSION)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_TOO_NEW,
                   _("it was written by a newer version of Netbook (export format %" G_GINT64_FORMAT
                     ", this version reads up to %d). Update Netbook to import it."),
                   version, NB_JSON_FORMAT_VERSION);
      return FALSE;
    }
  if (version < 1)
    return _nb_json_refuse (error, _("“version” must be between 1 and %d"), NB_JSON_FORMAT_VERSION);

  if (!_nb_json_check_keys (root, "", root_keys, FALSE, error) ||
      !_nb_json_get_string (root, "", "exported", FALSE, &exported, error))
    return FALSE;

  node = json_object_get_member (root, "profile");
  if (node != NULL)
    {
      JsonObject *profile;
      const char *offers;
      const char *looking_for;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return _nb_json_refuse (error, _("%s must be an object"), "profile");
      profile = json_node_get_object (node);
      if (!_nb_json_check_keys (profile, "profile", profile_keys, FALSE, error) ||
          !_nb_json_get_string (profile, "profile", "offers", FALSE, &offers, error) ||
          !_nb_json_get_string (profile, "profile", "looking_for", FALSE, &looking_for, error))
        return FALSE;
      document->offers = g_strdup (offers);
      document->looking_for = g_strdup (looking_for);
    }

  return TRUE;
}

/* Calls @func on each object of the list @key. */
typedef gboolean (*ElementFunc) (Parser      *parser,
                                 JsonObject  *object,
                                 const char  *path,
                                 gpointer     out,
                                 GError     **error);

static gboolean
parse_list (Parser        *parser,
            JsonObject    *root,
            const char    *key,
            gboolean       required,
            GArray        *out,
            ElementFunc    func,
            GHashTable    *ids,
            GCancellable  *cancellable,
            GError       **error)
{
  GError *local_error = NULL;
  JsonArray *array = _nb_json_get_array (root, NULL, key, required, &local_error);
  guint n;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (array == NULL)
    return TRUE;

  n = json_array_get_length (array);
  g_array_set_size (out, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", key, i);
      gpointer element = out->data + (gsize) i * g_array_get_element_size (out);
      JsonObject *object = _nb_json_element_object (array, i, path, error);

      if (object == NULL || !func (parser, object, path, element, error) ||
          !_nb_json_add_id (ids, element, path, error))
        {
          /* Elements not reached yet are zeroed: clearing them is a no-op. */
          return FALSE;
        }

      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/* How deep arrays and objects nest, outside strings. A Netbook export is
 * four levels deep; json-glib's parser recurses once per level, so a
 * hostile file nested a hundred thousand times would overflow the stack. */
static guint
nesting_depth (const char *text,
               gsize       size)
{
  guint depth = 0;
  guint max = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < size; i++)
    {
      if (in_string)
        {
          if (text[i] == '\\')
            i++;
          else if (text[i] == '"')
            in_string = FALSE;
          continue;
        }
      if (text[i] == '"')
        in_string = TRUE;
      else if (text[i] == '[' || text[i] == '{')
        max = MAX (max, ++depth);
      else if ((text[i] == ']' || text[i] == '}') && depth > 0)
        depth--;
    }

  return max;
}

NbJsonDocument *
_nb_json_parse (GBytes        *data,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(NbJsonDocument) document = g_new0 (NbJsonDocument, 1);
  g_autoptr(JsonParser) json = json_parser_new ();
  g_autoptr(GHashTable) person_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) event_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) entry_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) local_error = NULL;
  Parser parser = { person_ids, event_ids, entry_ids, g_get_real_time () / G_USEC_PER_SEC };
  gsize size = 0;
  const char *text = g_bytes_get_data (data, &size);
  JsonNode *root;
  JsonObject *object;

  document->people = g_array_new (FALSE, TRUE, sizeof (NbJsonPerson));
  g_array_set_clear_func (document->people, clear_person);
  document->events = g_array_new (FALSE, TRUE, sizeof (NbJsonEvent));
  g_array_set_clear_func (document->events, clear_event);
  document->entries = g_array_new (FALSE, TRUE, sizeof (NbJsonEntry));
  g_array_set_clear_func (document->entries, clear_entry);

  if (size == 0 || text == NULL)
    {
      _nb_json_refuse (error, _("Not a Netbook JSON export: the file is empty."));
      return NULL;
    }

  if (memchr (text, '\0', size) != NULL || !g_utf8_validate_len (text, size, NULL))
    {
      _nb_json_refuse (error, _("Not a Netbook JSON export: it is not UTF-8 text."));
      return NULL;
    }

  if (nesting_depth (text, size) > NB_JSON_MAX_DEPTH)
    {
      _nb_json_refuse (error, _("Not a Netbook JSON export: it nests deeper than %u levels."),
                       NB_JSON_MAX_DEPTH);
      return NULL;
    }

  if (!json_parser_load_from_data (json, text, (gssize) size, &local_error))
    {
      /* json-glib quotes the token it choked on, which a lone surrogate
       * escape (\udc00) makes invalid UTF-8: the message is text. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      _nb_json_refuse (error, _("Not a Netbook JSON export: it is not valid JSON (%s)."), reason);
      return NULL;
    }

  root = json_parser_get_root (json);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _nb_json_refuse (error, _("Not a Netbook JSON export: it is not a JSON object."));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!parse_header (object, document, &local_error) ||
      !parse_list (&parser, object, "people", TRUE, document->people,
                   (ElementFunc) parse_person, person_ids, cancellable, &local_error) ||
      !parse_list (&parser, object, "events", FALSE, document->events,
                   (ElementFunc) parse_event, event_ids, cancellable, &local_error) ||
      !parse_list (&parser, object, "entries", FALSE, document->entries,
                   (ElementFunc) parse_entry, entry_ids, cancellable, &local_error))
    goto failed;

  for (guint i = 0; i < document->people->len; i++)
    {
      NbJsonPerson *person = &g_array_index (document->people, NbJsonPerson, i);
      g_autofree char *path = g_strdup_printf ("people[%u]", i);

      if (!check_person_ref (&parser, person->introduced_by, path, "introduced_by", &local_error))
        goto failed;
    }

  return g_steal_pointer (&document);

failed:
  if (g_error_matches (local_error, NB_STORE_ERROR, NB_STORE_ERROR_TOO_NEW))
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                _("Cannot import this Netbook export: "));
  else if (g_error_matches (local_error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID))
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                _("Not a valid Netbook JSON export: "));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

char *
_nb_json_format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  if (time == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}
