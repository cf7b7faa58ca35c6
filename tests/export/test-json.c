/* test-json.c: the JSON export is lossless, and its import strict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "export-test-util.h"
#include "nb-json.h"

static char *
export_json (NbStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  nb_json_export (store, out, NULL, &error);
  g_assert_no_error (error);

  return test_steal_memory (out, NULL);
}

/* Rewrites the ids in @array's objects (and the references to them, via
 * @maps) as positions, so two exports of different notebooks compare. */
static void
renumber (JsonObject *root,
          const char *list,
          GHashTable *map)
{
  JsonArray *array = json_object_get_array_member (root, list);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      gint64 id = json_object_get_int_member (object, "id");

      g_hash_table_insert (map, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
      json_object_set_int_member (object, "id", i + 1);
    }
}

static void
remap (JsonObject *object,
       const char *key,
       GHashTable *map)
{
  JsonNode *node = json_object_get_member (object, key);
  gint64 id;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;

  id = json_node_get_int (node);
  g_assert_true (g_hash_table_contains (map, &id));
  json_object_set_int_member (object, key, GPOINTER_TO_UINT (g_hash_table_lookup (map, &id)));
}

static char *
normalise (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root;
  JsonArray *array;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "exported"));
  json_object_remove_member (root, "exported");

  renumber (root, "people", people);
  renumber (root, "events", events);
  renumber (root, "entries", entries);

  array = json_object_get_array_member (root, "people");
  for (guint i = 0; i < json_array_get_length (array); i++)
    remap (json_array_get_object_element (array, i), "introduced_by", people);

  array = json_object_get_array_member (root, "entries");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);

      remap (entry, "person_id", people);
      remap (entry, "other_person_id", people);
      remap (entry, "event_id", events);
    }

  array = json_object_get_array_member (root, "events");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonArray *attendees = json_object_get_array_member (json_array_get_object_element (array, i),
                                                           "attendees");

      for (guint a = 0; a < json_array_get_length (attendees); a++)
        {
          JsonNode *node = json_array_get_element (attendees, a);
          gint64 id = json_node_get_int (node);

          json_node_set_int (node, GPOINTER_TO_UINT (g_hash_table_lookup (people, &id)));
        }
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static void
check_round_trip (gboolean big_note)
{
  g_autoptr(NbStore) source = test_open_new_store ();
  g_autoptr(NbStore) target = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_normal = NULL;
  g_autofree char *second_normal = NULL;
  NbJsonImportReport report = { 0, 0, 0 };

  test_fill_rich (source, big_note);
  first = export_json (source);
  g_assert_true (g_utf8_validate (first, -1, NULL));
  /* The deleted person and what points to them are left out. */
  g_assert_null (strstr (first, "Gone Person"));
  g_assert_null (strstr (first, "Gone's own note"));
  g_assert_nonnull (strstr (first, "\"photo\" : \"iVBORw0KGgo"));

  bytes = g_bytes_new (first, strlen (first));
  nb_json_import (target, bytes, &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.people_added, ==, 4);
  g_assert_cmpuint (report.events_added, ==, 2);
  g_assert_cmpuint (report.entries_added, >, NB_N_ENTRY_KINDS);

  second = export_json (target);
  first_normal = normalise (first);
  second_normal = normalise (second);
  g_assert_cmpuint (strlen (first_normal), ==, strlen (second_normal));
  g_assert_true (g_str_equal (first_normal, second_normal));

  /* A second import into the same notebook is refused, nothing added. */
  g_assert_false (nb_json_import (target, bytes, NULL, NULL, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "empty"));
  {
    g_autofree char *third = export_json (target);
    g_autofree char *third_normal = normalise (third);

    g_assert_true (g_str_equal (third_normal, second_normal));
  }
}

static void
test_json_round_trip (void)
{
  check_round_trip (FALSE);
}

static void
test_json_round_trip_big_note (void)
{
  check_round_trip (TRUE);
}

static void
test_json_search_after_import (void)
{
  g_autoptr(NbStore) source = test_open_new_store ();
  g_autoptr(NbStore) target = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(NbPerson) zoe = NULL;
  g_autofree char *text = NULL;

  test_fill_rich (source, FALSE);
  text = export_json (source);
  bytes = g_bytes_new (text, strlen (text));

  model = nb_store_get_people_model (target);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  nb_json_import (target, bytes, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Search, tags, models, photos: as for anything else added. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  hits = nb_store_search (target, "sourdough", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = nb_store_search (target, "second line", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);

  people = nb_store_list_people (target, "bakers", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);

  zoe = nb_store_get_person (target, nb_person_get_id (g_ptr_array_index (people, 0)), &error);
  g_assert_no_error (error);
  g_assert_nonnull (nb_person_get_photo (zoe));
  g_assert_cmpint (nb_person_get_created (zoe), ==, 1000000000 + 1 * 1000);
}

typedef struct
{
  const char *json;
  const char *message;
} Invalid;

static void
test_json_validation (void)
{
  static const Invalid cases[] = {
    { "", "empty" },
    { "not json", "not valid JSON" },
    { "[1, 2]", "not a JSON object" },
    { "{\"people\": []}", "“format”" },
    { "{\"format\": \"netbook\", \"version\": \"1\", \"people\": []}", "“version” must be a whole number" },
    { "{\"format\": \"netbook\", \"version\": 1}", "people is missing" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": {}}", "people must be a list" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [3]}", "people[0] must be an object" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"display_name\": \"A\"}]}", "people[0].id is missing" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\"},"
      " {\"id\": 2, \"display_name\": \"B\"}, {\"id\": 3, \"display_name\": \"C\"},"
      " {\"id\": 4, \"display_name\": \"D\", \"tags\": \"x\"}]}", "people[3].tags must be a list" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\", \"tags\": [1]}]}",
      "people[0].tags[0] must be text" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"  \"}]}",
      "people[0].display_name is empty" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": 5}]}",
      "people[0].display_name must be text" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\", \"birthday\": \"2024-02-30\"}]}",
      "people[0].birthday: " },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\", \"rapport\": 9}]}",
      "people[0].rapport must be between 0 and 5" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\", \"archived\": 1}]}",
      "people[0].archived must be true or false" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\", \"colour\": \"red\"}]}",
      "people[0].colour is not a key" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\"}, {\"id\": 1, \"display_name\": \"B\"}]}",
      "people[1].id 1 is used twice" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\", \"introduced_by\": 7}]}",
      "people[0].introduced_by 7 is not the id of a person" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\", \"introduced_by\": 1}]}",
      "people[0].introduced_by is the person themselves" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\", \"created\": \"yesterday\"}]}",
      "people[0].created must be a date and time" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\", \"photo\": \"***\"}]}",
      "people[0].photo must be base64" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\"}],"
      " \"entries\": [{\"id\": 1, \"person_id\": 2, \"kind\": \"note\", \"date\": \"2024-01-01\"}]}",
      "entries[0].person_id 2 is not the id of a person" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\"}],"
      " \"entries\": [{\"id\": 1, \"person_id\": 1, \"kind\": \"gossip\", \"date\": \"2024-01-01\"}]}",
      "entries[0].kind “gossip” is not a kind" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\"}],"
      " \"entries\": [{\"id\": 1, \"person_id\": 1, \"kind\": \"dream\", \"date\": \"2024-01-01\", \"status\": \"done\"}]}",
      "entries[0].status “done” is not a status of a dream" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\"}],"
      " \"entries\": [{\"id\": 1, \"person_id\": 1, \"kind\": \"dream\", \"date\": \"2024-01-01\"}]}",
      "entries[0].status is missing" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\"}],"
      " \"entries\": [{\"id\": 1, \"person_id\": 1, \"kind\": \"follow-up\", \"date\": \"2024-01-01\", \"status\": \"open\"}]}",
      "entries[0].due is missing" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\"}],"
      " \"entries\": [{\"id\": 1, \"person_id\": 1, \"kind\": \"note\", \"date\": \"2024-01-01\", \"event_id\": 3}]}",
      "entries[0].event_id 3 is not the id of an event" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\"}],"
      " \"entries\": [{\"id\": 1, \"person_id\": 1, \"kind\": \"note\", \"date\": \"2024-01-01\", \"other_person_id\": \"1\"}]}",
      "entries[0].other_person_id must be an id" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [{\"id\": 1, \"display_name\": \"A\"}],"
      " \"events\": [{\"id\": 1, \"name\": \"E\", \"attendees\": [1, 2]}]}",
      "events[0].attendees[1] 2 is not the id of a person" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [], \"profile\": []}", "profile must be an object" },
    { "{\"format\": \"netbook\", \"version\": 1, \"people\": [], \"extra\": 1}", "extra is not a key" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NbStore) store = test_open_new_store ();
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) people = NULL;

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_false (nb_json_import (store, bytes, NULL, NULL, &error));
      g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].message);
      g_clear_error (&error);

      people = nb_store_list_people (store, NULL, TRUE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (people->len, ==, 0);
    }
}

static void
test_json_too_new (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  const char *json = "{\"format\": \"netbook\", \"version\": 2, \"people\": []}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;

  g_assert_false (nb_json_import (store, bytes, NULL, NULL, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
}

/* A failure halfway (a store-level refusal after people were added)
 * leaves nothing behind. */
static void
test_json_all_or_nothing (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(NbStore) source = test_open_new_store ();
  g_autofree char *text = NULL;
  g_autoptr(GString) json = g_string_new ("{\"format\": \"netbook\", \"version\": 1, \"people\": [");

  /* A photo over the store's limit is refused by the store itself. */
  g_string_append (json, "{\"id\": 1, \"display_name\": \"A\"}, {\"id\": 2, \"display_name\": \"B\", \"photo\": \"");
  for (guint i = 0; i < 11 * 1024 * 1024 / 3 * 4 / 4; i++)
    g_string_append (json, "AAAA");
  g_string_append (json, "\"}]}");
  bytes = g_bytes_new (json->str, json->len);

  g_assert_false (nb_json_import (store, bytes, NULL, NULL, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "people[1]"));
  g_clear_error (&error);

  people = nb_store_list_people (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 0);

  /* Cancelled before it starts: nothing either. */
  test_fill_rich (source, FALSE);
  text = export_json (source);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (text, strlen (text));
  g_cancellable_cancel (cancellable);
  g_assert_false (nb_json_import (store, bytes, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_pointer (&people, g_ptr_array_unref);
  people = nb_store_list_people (store, NULL, TRUE, NULL);
  g_assert_cmpuint (people->len, ==, 0);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  NbJsonImportReport *report = user_data;
  g_autoptr(GError) error = NULL;

  nb_json_import_finish (NB_STORE (object), result, report, &error);
  g_assert_no_error (error);
  report->people_added += 1000;
}

static void
test_json_import_async (void)
{
  g_autoptr(NbStore) source = test_open_new_store ();
  g_autoptr(NbStore) target = test_open_new_store ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  NbJsonImportReport report = { 0, 0, 0 };

  test_fill_rich (source, FALSE);
  text = export_json (source);
  bytes = g_bytes_new (text, strlen (text));

  nb_json_import_async (target, bytes, NULL, import_done_cb, &report);
  while (report.people_added < 1000)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (report.people_added, ==, 1004);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/round-trip", test_json_round_trip);
  g_test_add_func ("/json/round-trip-big-note", test_json_round_trip_big_note);
  g_test_add_func ("/json/search-after-import", test_json_search_after_import);
  g_test_add_func ("/json/validation", test_json_validation);
  g_test_add_func ("/json/too-new", test_json_too_new);
  g_test_add_func ("/json/all-or-nothing", test_json_all_or_nothing);
  g_test_add_func ("/json/import-async", test_json_import_async);

  return g_test_run ();
}
