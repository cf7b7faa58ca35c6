/* test-store-photo.c: a person's photo is stored with one person, never
 * with lists, and saving a person loaded without it keeps it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "store-test-util.h"

static GBytes *
make_photo (guint8 seed,
            gsize  size)
{
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) (seed + i * 7);

  return g_bytes_new_take (data, size);
}

static NbPerson *
get_person (NbStore *store,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  NbPerson *person = nb_store_get_person (store, id, &error);

  g_assert_no_error (error);
  return person;
}

static void
test_person_object (void)
{
  g_autoptr(NbPerson) person = nb_person_new ("Ana");
  g_autoptr(NbPerson) copy = NULL;
  g_autoptr(GBytes) photo = make_photo (1, 64);
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) from_property = NULL;

  g_assert_null (nb_person_get_photo (person));
  g_assert_false (nb_person_get_photo_known (person));

  nb_person_set_photo (person, photo);
  g_assert_true (nb_person_get_photo_known (person));
  g_assert_true (g_bytes_equal (nb_person_get_photo (person), photo));
  g_object_get (person, "photo", &from_property, NULL);
  g_assert_true (g_bytes_equal (from_property, photo));

  copy = nb_person_copy (person);
  g_assert_true (nb_person_get_photo_known (copy));
  g_assert_true (g_bytes_equal (nb_person_get_photo (copy), photo));

  /* Empty bytes mean no photo, and still a known one. */
  nb_person_set_photo (copy, empty);
  g_assert_null (nb_person_get_photo (copy));
  g_assert_true (nb_person_get_photo_known (copy));
  g_assert_nonnull (nb_person_get_photo (person));
}

static void
test_round_trip (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbPerson) person = nb_person_new ("Bob Haddad");
  g_autoptr(NbPerson) loaded = NULL;
  g_autoptr(NbPerson) resolved = NULL;
  g_autoptr(NbPerson) none = NULL;
  g_autoptr(GBytes) photo = make_photo (3, 200 * 1024);
  g_autoptr(GError) error = NULL;
  gint64 id;
  gint64 other;

  nb_person_set_photo (person, photo);
  id = nb_store_add_person (store, person, &error);
  g_assert_no_error (error);

  loaded = get_person (store, id);
  g_assert_true (nb_person_get_photo_known (loaded));
  g_assert_true (g_bytes_equal (nb_person_get_photo (loaded), photo));

  resolved = nb_store_resolve_person (store, "bob haddad", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (nb_person_get_photo (resolved), photo));

  other = test_add_person (store, "Priya Raghunathan", "Spa Olivia", NULL);
  none = get_person (store, other);
  g_assert_null (nb_person_get_photo (none));
  g_assert_true (nb_person_get_photo_known (none));
}

static void
test_lists_stay_light (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbPerson) person = nb_person_new ("Bob Haddad");
  g_autoptr(GBytes) photo = make_photo (5, 1024);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(NbPerson) from_model = NULL;
  g_autoptr(GError) error = NULL;

  nb_person_set_photo (person, photo);
  nb_store_add_person (store, person, &error);
  g_assert_no_error (error);

  people = nb_store_list_people (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_null (nb_person_get_photo (g_ptr_array_index (people, 0)));
  g_assert_false (nb_person_get_photo_known (g_ptr_array_index (people, 0)));

  hits = nb_store_search (store, "haddad", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_false (nb_person_get_photo_known (((NbSearchHit *) g_ptr_array_index (hits, 0))->person));

  model = nb_store_get_people_model (store);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  from_model = g_list_model_get_item (model, 0);
  g_assert_false (nb_person_get_photo_known (from_model));
}

/* The card editor saves what a list gave it: the photo must survive. */
static void
test_update_keeps_unknown_photo (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbPerson) person = nb_person_new ("Bob Haddad");
  g_autoptr(GBytes) photo = make_photo (7, 4096);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(NbPerson) loaded = NULL;
  g_autoptr(NbPerson) removed = NULL;
  g_autoptr(GError) error = NULL;
  NbPerson *from_list;
  gint64 id;

  nb_person_set_photo (person, photo);
  id = nb_store_add_person (store, person, &error);
  g_assert_no_error (error);

  people = nb_store_list_people (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  from_list = g_ptr_array_index (people, 0);
  nb_person_set_field (from_list, NB_PERSON_COMPANY, "Blue Harbor Insurance");
  nb_store_update_person (store, from_list, &error);
  g_assert_no_error (error);

  loaded = get_person (store, id);
  g_assert_cmpstr (nb_person_get_company (loaded), ==, "Blue Harbor Insurance");
  g_assert_true (g_bytes_equal (nb_person_get_photo (loaded), photo));

  /* Setting NULL on purpose removes it. */
  nb_person_set_photo (loaded, NULL);
  nb_store_update_person (store, loaded, &error);
  g_assert_no_error (error);
  removed = get_person (store, id);
  g_assert_null (nb_person_get_photo (removed));
}

static void
test_too_large (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbPerson) person = nb_person_new ("Bob Haddad");
  g_autoptr(GBytes) photo = make_photo (9, 10 * 1024 * 1024 + 1);
  g_autoptr(GError) error = NULL;

  nb_person_set_photo (person, photo);
  g_assert_cmpint (nb_store_add_person (store, person, &error), ==, 0);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/photo/person-object", test_person_object);
  g_test_add_func ("/store/photo/round-trip", test_round_trip);
  g_test_add_func ("/store/photo/lists-stay-light", test_lists_stay_light);
  g_test_add_func ("/store/photo/update-keeps-unknown-photo", test_update_keeps_unknown_photo);
  g_test_add_func ("/store/photo/too-large", test_too_large);

  return g_test_run ();
}
