/* nb-json-members.c: reading typed members of a JSON export, each
 * refusal naming where it is ("people[3].tags must be a list").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-json-private.h"

/* ---- Errors and scalar members ----------------------------------------- */

gboolean
_nb_json_refuse (GError    **error,
                 const char *format,
                 ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* "people[3].tags"; at the top level just the key. */
char *
_nb_json_member_path (const char *path,
                      const char *key)
{
  if (path == NULL || *path == '\0')
    return g_strdup (key);

  return g_strdup_printf ("%s.%s", path, key);
}

gboolean
_nb_json_check_keys (JsonObject          *object,
                     const char          *path,
                     const char * const  *keys,
                     gboolean             person,
                     GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      NbPersonField field;

      if (g_strv_contains (keys, key) || (person && nb_person_field_from_key (key, &field)))
        continue;

      if (!g_utf8_validate (key, -1, NULL))
        return _nb_json_refuse (error, _("%s has a key that is not valid UTF-8 text"),
                                *path != '\0' ? path : _("The document"));
      else
        {
          g_autofree char *where = _nb_json_member_path (path, key);

          /* Translators: "people[3].colour is not a key of a Netbook export" */
          return _nb_json_refuse (error, _("%s is not a key of a Netbook export"), where);
        }
    }

  return TRUE;
}

/* The member's node, or NULL if absent (an error if @required). */
static JsonNode *
get_node (JsonObject  *object,
          const char  *path,
          const char  *key,
          gboolean     required,
          gboolean    *ok,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *ok = TRUE;
  if (node == NULL && required)
    {
      g_autofree char *where = _nb_json_member_path (path, key);

      *ok = _nb_json_refuse (error, _("%s is missing"), where);
    }

  return node;
}

gboolean
_nb_json_is_value_of_type (JsonNode *node,
                           GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

gboolean
_nb_json_check_text (const char  *text,
                     const char  *where,
                     GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    return _nb_json_refuse (error, _("%s is not valid UTF-8 text"), where);

  return TRUE;
}

gboolean
_nb_json_get_string (JsonObject   *object,
                     const char   *path,
                     const char   *key,
                     gboolean      required,
                     const char  **out,
                     GError      **error)
{
  g_autofree char *where = _nb_json_member_path (path, key);
  gboolean ok;
  JsonNode *node = get_node (object, path, key, required, &ok, error);

  *out = "";
  if (!ok || node == NULL)
    return ok;

  if (!_nb_json_is_value_of_type (node, G_TYPE_STRING))
    return _nb_json_refuse (error, _("%s must be text"), where);

  *out = json_node_get_string (node);
  return _nb_json_check_text (*out, where, error);
}

gboolean
_nb_json_get_int (JsonObject  *object,
                  const char  *path,
                  const char  *key,
                  gboolean     required,
                  gint64       min,
                  gint64       max,
                  gint64      *out,
                  GError     **error)
{
  g_autofree char *where = _nb_json_member_path (path, key);
  gboolean ok;
  JsonNode *node = get_node (object, path, key, required, &ok, error);

  *out = 0;
  if (!ok || node == NULL)
    return ok;

  if (!_nb_json_is_value_of_type (node, G_TYPE_INT64))
    return _nb_json_refuse (error, _("%s must be a whole number"), where);

  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    return _nb_json_refuse (error, _("%s must be between %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT),
                            where, min, max);

  return TRUE;
}

/* An id that refers to something: absent or null is 0. */
gboolean
_nb_json_get_ref (JsonObject  *object,
                  const char  *path,
                  const char  *key,
                  gboolean     required,
                  gint64      *out,
                  GError     **error)
{
  g_autofree char *where = _nb_json_member_path (path, key);
  gboolean ok;
  JsonNode *node = get_node (object, path, key, required, &ok, error);

  *out = 0;
  if (!ok || node == NULL || (!required && JSON_NODE_HOLDS_NULL (node)))
    return ok;

  if (!_nb_json_is_value_of_type (node, G_TYPE_INT64) || json_node_get_int (node) <= 0)
    return _nb_json_refuse (error, required ? _("%s must be an id (a whole number above 0)")
                            : _("%s must be an id (a whole number above 0) or null"),
                            where);

  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
_nb_json_get_date (JsonObject   *object,
                   const char   *path,
                   const char   *key,
                   gboolean      required,
                   const char  **out,
                   GError      **error)
{
  g_autofree char *where = _nb_json_member_path (path, key);
  g_autoptr(GError) date_error = NULL;

  if (!_nb_json_get_string (object, path, key, required, out, error))
    return FALSE;

  if (**out == '\0' && !required)
    return TRUE;

  if (!nb_date_parse_iso (*out, NULL, &date_error))
    return _nb_json_refuse (error, "%s: %s", where, date_error->message);

  return TRUE;
}

/* A timestamp; absent is now. */
gboolean
_nb_json_get_time (JsonObject  *object,
                   const char  *path,
                   const char  *key,
                   gint64       now,
                   gint64      *out,
                   GError     **error)
{
  g_autofree char *where = _nb_json_member_path (path, key);
  g_autoptr(GDateTime) time = NULL;
  const char *text;

  *out = now;
  if (!_nb_json_get_string (object, path, key, FALSE, &text, error))
    return FALSE;
  if (json_object_get_member (object, key) == NULL)
    return TRUE;

  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return _nb_json_refuse (error, _("%s must be a date and time like 2024-05-15T10:30:00Z"), where);

  *out = g_date_time_to_unix (time);
  return TRUE;
}

JsonArray *
_nb_json_get_array (JsonObject  *object,
                    const char  *path,
                    const char  *key,
                    gboolean     required,
                    GError     **error)
{
  g_autofree char *where = path != NULL ? _nb_json_member_path (path, key) : g_strdup (key);
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    {
      if (required)
        _nb_json_refuse (error, _("%s is missing"), where);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _nb_json_refuse (error, _("%s must be a list"), where);
      return NULL;
    }

  return json_node_get_array (node);
}

JsonObject *
_nb_json_element_object (JsonArray   *array,
                         guint        index,
                         const char  *path,
                         GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _nb_json_refuse (error, _("%s must be an object"), path);
      return NULL;
    }

  return json_node_get_object (node);
}

/* Registers @id in @ids, refusing a second use. */
gboolean
_nb_json_add_id (GHashTable  *ids,
                 gint64      *id,
                 const char  *path,
                 GError     **error)
{
  if (g_hash_table_contains (ids, id))
    return _nb_json_refuse (error, _("%s.id %" G_GINT64_FORMAT " is used twice"), path, *id);

  g_hash_table_add (ids, id);
  return TRUE;
}
