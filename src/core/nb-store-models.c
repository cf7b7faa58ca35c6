/* nb-store-models.c: list models the store keeps up to date.
 *
 * Committed changes are applied here before they are emitted, so that a
 * signal handler already sees the models as they are now. People are
 * updated one by one (a splice at the right place); timelines and the
 * follow-ups are read again and only the part that differs is spliced,
 * which keeps list widgets' rows and selection where they were.
 *
 * A list's first screen can ask for the first people only
 * (nb_store_get_people_model_first()); the rest are read when asked for
 * or at the first change, replacing the first ones in one splice.
 *
 * The people model loads with the list's cheap summaries, then an idle
 * source at low priority computes each person's stage and trust score
 * (nb_trust_compute()) a batch at a time and splices the batch back.
 * A person changed meanwhile is reloaded with exact numbers at once.
 *
 * A commit that changed many things (an import) is applied in one go
 * (_nb_store_models_apply_many()): each timeline and the follow-ups
 * are read once, and past a few dozen people the people model is read
 * again whole, one items-changed, rather than a person at a time (each
 * a query and a walk through the model: minutes for an import).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-date.h"
#include "nb-store-private.h"

/* People whose trust is computed per idle callback. */
#define TRUST_BATCH 100

/* Past this many people changed by one commit, the people model is read
 * again whole. */
#define RELOAD_PEOPLE_OVER 64

/* ---- helpers ---------------------------------------------------------- */

static guint
find_person (GListModel *model,
             gint64      person_id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbPerson) person = g_list_model_get_item (model, i);

      if (nb_person_get_id (person) == person_id)
        return i;
    }

  return G_MAXUINT;
}

/* Where @person goes in the sorted @model (which does not hold it). */
static guint
sorted_position (GListModel *model,
                 NbPerson   *person)
{
  guint lo = 0;
  guint hi = g_list_model_get_n_items (model);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(NbPerson) item = g_list_model_get_item (model, mid);

      if (_nb_store_compare_people (item, person) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static gboolean
fits_at (GListModel *model,
         guint       position,
         NbPerson   *person)
{
  guint n = g_list_model_get_n_items (model);

  if (position > 0)
    {
      g_autoptr(NbPerson) before = g_list_model_get_item (model, position - 1);

      if (_nb_store_compare_people (before, person) > 0)
        return FALSE;
    }

  if (position + 1 < n)
    {
      g_autoptr(NbPerson) after = g_list_model_get_item (model, position + 1);

      if (_nb_store_compare_people (person, after) > 0)
        return FALSE;
    }

  return TRUE;
}

static void
remove_person_at (NbStore *self,
                  guint    position)
{
  if (position < self->trust_cursor)
    self->trust_cursor--;
  g_list_store_remove (self->people_model, position);
}

static gboolean
compute_trust_batch_cb (gpointer user_data)
{
  NbStore *self = user_data;
  GListModel *model = G_LIST_MODEL (self->people_model);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = nb_date_today_iso ();
  guint n = g_list_model_get_n_items (model);
  guint start = self->trust_cursor;

  if (!_nb_store_begin (self, FALSE, &error))
    goto failed;

  for (guint i = start; i < n && batch->len < TRUST_BATCH; i++)
    {
      g_autoptr(NbPerson) item = g_list_model_get_item (model, i);
      g_autoptr(NbPerson) copy = nb_person_copy (item);

      if (!_nb_store_fill_trust (self, copy, today, &error))
        {
          _nb_store_rollback (self);
          goto failed;
        }
      g_ptr_array_add (batch, g_steal_pointer (&copy));
    }

  if (!_nb_store_commit (self, &error))
    goto failed;

  /* A copy per item, spliced back in one go: filters and sorters see the
   * change, which a quiet update of the objects would hide from them. */
  self->trust_cursor = start + batch->len;
  g_list_store_splice (self->people_model, start, batch->len, batch->pdata, batch->len);

  if (self->trust_cursor < g_list_model_get_n_items (model))
    return G_SOURCE_CONTINUE;

  /* Everyone's timeline read once: not what the cache is for. */
  nb_store_release_memory (self);
  self->trust_idle_id = 0;
  return G_SOURCE_REMOVE;

failed:
  g_warning ("Could not compute trust for the people list: %s", error->message);
  self->trust_idle_id = 0;
  return G_SOURCE_REMOVE;
}

static void
update_person (NbStore *self,
               gint64   person_id)
{
  GListModel *model = G_LIST_MODEL (self->people_model);
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  if (person_id == 0)
    return;

  person = _nb_store_load_person (self, person_id, TRUE, &error);
  if (person == NULL && !g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND))
    {
      g_warning ("Could not refresh person %" G_GINT64_FORMAT ": %s", person_id, error->message);
      return;
    }

  position = find_person (model, person_id);

  if (person == NULL)
    {
      if (position != G_MAXUINT)
        remove_person_at (self, position);
      return;
    }

  if (position != G_MAXUINT && fits_at (model, position, person))
    {
      g_list_store_splice (self->people_model, position, 1, (gpointer *) &person, 1);
      return;
    }

  if (position != G_MAXUINT)
    remove_person_at (self, position);

  position = sorted_position (model, person);
  /* Keep the trust pass on the items it has not seen yet. */
  if (position < self->trust_cursor)
    self->trust_cursor++;
  g_list_store_insert (self->people_model, position, person);
}

/* Splices only the middle part of @store that differs from @fresh. */
static void
splice_difference (GListStore *store,
                   GPtrArray  *fresh)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < n_old && prefix < fresh->len)
    {
      g_autoptr(NbEntry) old = g_list_model_get_item (model, prefix);

      if (!_nb_store_entries_equal (old, g_ptr_array_index (fresh, prefix)))
        break;
      prefix++;
    }

  while (suffix < n_old - prefix && suffix < fresh->len - prefix)
    {
      g_autoptr(NbEntry) old = g_list_model_get_item (model, n_old - 1 - suffix);

      if (!_nb_store_entries_equal (old, g_ptr_array_index (fresh, fresh->len - 1 - suffix)))
        break;
      suffix++;
    }

  if (n_old - prefix - suffix == 0 && fresh->len - prefix - suffix == 0)
    return;

  g_list_store_splice (store, prefix, n_old - prefix - suffix,
                       fresh->pdata + prefix, fresh->len - prefix - suffix);
}

static void
refresh_timeline (NbStore *self,
                  gint64   person_id)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *model;

  if (person_id == 0 || self->timelines == NULL)
    return;

  model = g_hash_table_lookup (self->timelines, &person_id);
  if (model == NULL)
    return;

  entries = _nb_store_load_timeline (self, person_id, &error);
  if (entries == NULL)
    {
      g_warning ("Could not refresh the timeline of %" G_GINT64_FORMAT ": %s",
                 person_id, error->message);
      return;
    }

  splice_difference (model, entries);
}

static void
refresh_followups (NbStore *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  if (self->followups_model == NULL)
    return;

  entries = nb_store_list_followups (self, FALSE, NULL, &error);
  if (entries == NULL)
    {
      g_warning ("Could not refresh the follow-ups: %s", error->message);
      return;
    }

  splice_difference (self->followups_model, entries);
}

static void
refresh_all_timelines (NbStore *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  if (self->timelines == NULL)
    return;

  /* Collect first: refreshing must not run inside the iteration. */
  g_hash_table_iter_init (&iter, self->timelines);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);

  for (guint i = 0; i < ids->len; i++)
    refresh_timeline (self, g_array_index (ids, gint64, i));
}

/* People on the other side of the person's introductions: their last
 * contact depends on whether this person is visible. */
static void
update_linked_people (NbStore *self,
                      gint64   person_id)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(NbStmt) stmt = NULL;
    int rc;

    stmt = _nb_store_prepare (self, NB_STMT_PERSON_LINKED,
                              "SELECT DISTINCT other_person_id FROM entries"
                              " WHERE person_id = ? AND other_person_id IS NOT NULL AND deleted = 0",
                              &error);
    if (stmt == NULL)
      return;

    sqlite3_bind_int64 (stmt, 1, person_id);
    while ((rc = _nb_store_step (self, stmt, &error)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (ids, id);
      }
  }

  for (guint i = 0; i < ids->len; i++)
    update_person (self, g_array_index (ids, gint64, i));
}

static void
on_timeline_finalized_cb (gpointer  data,
                          GObject  *where_the_object_was)
{
  NbStore *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->timelines);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (value == (gpointer) where_the_object_was)
        {
          g_hash_table_iter_remove (&iter);
          break;
        }
    }
}

static void
on_people_model_items_changed_cb (GListModel *model,
                                  guint       position,
                                  guint       removed,
                                  guint       added,
                                  gpointer    user_data)
{
  NbStore *self = user_data;

  g_clear_pointer (&self->people_by_id, g_hash_table_unref);
}

/* Fills @self->people_model with the first @limit people by sort key,
 * or with everyone when @limit is 0 (one splice replacing what it held).
 * Trust is computed, in the background, once everyone is there. */
static void
load_people (NbStore *self,
             guint    limit)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->people_model));

  people = _nb_store_list_people_upto (self, limit > 0 ? (gint64) limit : -1, &error);
  if (people == NULL)
    {
      g_warning ("Could not load the people of %s: %s", self->path, error->message);
      return;
    }

  /* Fewer than asked for is everyone. */
  self->people_partial = limit > 0 && people->len == limit;
  if (self->people_partial)
    g_debug ("People model: the first %u people, the rest later", limit);

  /* Everyone read leaves the cache full of the people table in name
   * order, which nothing reads that way again soon: give it back before
   * the list's rows are made for the new people. */
  if (limit == 0)
    nb_store_release_memory (self);

  g_clear_handle_id (&self->trust_idle_id, g_source_remove);
  self->trust_cursor = 0;
  if (n_old > 0 || people->len > 0)
    g_list_store_splice (self->people_model, 0, n_old, people->pdata, people->len);

  if (!self->people_partial && people->len > 0)
    self->trust_idle_id = g_idle_add_full (G_PRIORITY_LOW, compute_trust_batch_cb, self, NULL);
}

static void
load_people_model (NbStore *self)
{
  load_people (self, 0);
}

/* Creates the people model with the first @limit people (0: everyone),
 * or completes an incomplete one when @limit is 0. */
static GListModel *
ensure_people_model (NbStore *self,
                     guint    limit)
{
  if (self->people_model == NULL)
    {
      self->people_model = g_list_store_new (NB_TYPE_PERSON);
      g_signal_connect (self->people_model, "items-changed",
                        G_CALLBACK (on_people_model_items_changed_cb), self);
      load_people (self, limit);
    }
  else if (limit == 0 && self->people_partial)
    {
      load_people_model (self);
    }

  return g_object_ref (G_LIST_MODEL (self->people_model));
}

/* TRUE if the people model is there to be updated a person at a time.
 * An incomplete one is read whole instead, which includes the change. */
static gboolean
people_model_ready (NbStore *self)
{
  if (self->people_model == NULL)
    return FALSE;

  if (self->people_partial)
    {
      load_people_model (self);
      return FALSE;
    }

  return TRUE;
}

static void
add_id (GHashTable *ids,
        gint64      id)
{
  if (id != 0)
    g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
}

/* ---- private API ------------------------------------------------------ */

NbPerson *
_nb_store_get_model_person (NbStore *self,
                            gint64   person_id)
{
  if (self->people_model == NULL)
    return NULL;

  if (self->people_by_id == NULL)
    {
      GListModel *model = G_LIST_MODEL (self->people_model);
      guint n = g_list_model_get_n_items (model);

      self->people_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < n; i++)
        {
          /* The model holds a reference: borrowing is safe until it
           * changes, which drops this index. */
          NbPerson *person = g_list_model_get_item (model, i);
          gint64 id = nb_person_get_id (person);

          g_hash_table_insert (self->people_by_id, g_memdup2 (&id, sizeof id), person);
          g_object_unref (person);
        }
    }

  return g_hash_table_lookup (self->people_by_id, &person_id);
}


void
_nb_store_models_apply (NbStore               *self,
                        const NbPendingChange *change)
{
  switch (change->kind)
    {
    case NB_PENDING_PERSON:
      if (people_model_ready (self))
        update_person (self, change->id);

      /* A deleted person's entries are hidden with them, on every
       * timeline they appear on. */
      if (change->change != NB_CHANGE_UPDATED)
        {
          refresh_all_timelines (self);
          refresh_followups (self);
          if (people_model_ready (self))
            update_linked_people (self, change->id);
        }
      break;

    case NB_PENDING_ENTRY:
      {
        gint64 ids[] = { change->person_id, change->other_person_id,
                         change->old_person_id, change->old_other_person_id };

        for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
          {
            gboolean seen = FALSE;

            for (guint j = 0; j < i; j++)
              seen |= ids[j] == ids[i];
            if (seen || ids[i] == 0)
              continue;

            refresh_timeline (self, ids[i]);
            if (people_model_ready (self))
              update_person (self, ids[i]);
          }

        refresh_followups (self);
      }
      break;

    case NB_PENDING_PROFILE:
    case NB_PENDING_EVENT:
      break;

    default:
      g_assert_not_reached ();
    }
}

void
_nb_store_models_apply_many (NbStore *self,
                             GArray  *changes)
{
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) timelines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) added_or_removed = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean followups = FALSE;
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < changes->len; i++)
    {
      const NbPendingChange *change = &g_array_index (changes, NbPendingChange, i);

      switch (change->kind)
        {
        case NB_PENDING_PERSON:
          add_id (people, change->id);
          if (change->change != NB_CHANGE_UPDATED)
            {
              g_array_append_val (added_or_removed, change->id);
              followups = TRUE;
            }
          break;

        case NB_PENDING_ENTRY:
          {
            gint64 ids[] = { change->person_id, change->other_person_id,
                             change->old_person_id, change->old_other_person_id };

            for (guint j = 0; j < G_N_ELEMENTS (ids); j++)
              {
                add_id (people, ids[j]);
                add_id (timelines, ids[j]);
              }
            followups = TRUE;
          }
          break;

        case NB_PENDING_PROFILE:
        case NB_PENDING_EVENT:
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (people_model_ready (self))
    {
      if (g_hash_table_size (people) > RELOAD_PEOPLE_OVER)
        {
          load_people_model (self);
        }
      else
        {
          g_hash_table_iter_init (&iter, people);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            update_person (self, *(gint64 *) key);

          for (guint i = 0; i < added_or_removed->len; i++)
            update_linked_people (self, g_array_index (added_or_removed, gint64, i));
        }
    }

  /* A deleted person's entries are hidden with them, on every timeline
   * they appear on. */
  if (added_or_removed->len > 0)
    {
      refresh_all_timelines (self);
    }
  else
    {
      g_hash_table_iter_init (&iter, timelines);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        refresh_timeline (self, *(gint64 *) key);
    }

  if (followups)
    refresh_followups (self);
}

/* Whether the people list shows @a and @b alike: the card, the tags
 * and the summary (stage and trust come from the trust pass). */
static gboolean
list_facts_equal (NbPerson *a,
                  NbPerson *b)
{
  const char * const *tags_a = nb_person_get_tags (a);
  const char * const *tags_b = nb_person_get_tags (b);

  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    if (g_strcmp0 (nb_person_get_field (a, (NbPersonField) i),
                   nb_person_get_field (b, (NbPersonField) i)) != 0)
      return FALSE;

  if ((tags_a == NULL || tags_a[0] == NULL) != (tags_b == NULL || tags_b[0] == NULL))
    return FALSE;
  if (tags_a != NULL && tags_b != NULL && !g_strv_equal (tags_a, tags_b))
    return FALSE;

  return nb_person_get_updated (a) == nb_person_get_updated (b) &&
         nb_person_get_archived (a) == nb_person_get_archived (b) &&
         nb_person_get_introduced_by (a) == nb_person_get_introduced_by (b) &&
         nb_person_get_cadence_days (a) == nb_person_get_cadence_days (b) &&
         nb_person_get_rapport (a) == nb_person_get_rapport (b) &&
         nb_person_get_due_followups (a) == nb_person_get_due_followups (b) &&
         g_strcmp0 (nb_person_get_last_contact (a), nb_person_get_last_contact (b)) == 0;
}

/* Another process changed the file: the people who differ from what the
 * model holds are updated one by one, so that the list keeps its place
 * and its selection; many are read again in one go, as after a large
 * import. */
static void
reload_changed_people (NbStore *self)
{
  GListModel *model = G_LIST_MODEL (self->people_model);
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (model);
  GHashTableIter iter;
  gpointer key;

  if (self->people_partial)
    {
      load_people_model (self);
      return;
    }

  fresh = _nb_store_list_people_upto (self, -1, &error);
  if (fresh == NULL)
    {
      g_warning ("Could not read the people of %s again: %s", self->path, error->message);
      return;
    }

  for (guint i = 0; i < fresh->len; i++)
    {
      NbPerson *person = g_ptr_array_index (fresh, i);
      gint64 id = nb_person_get_id (person);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), person);
    }

  for (guint i = 0; i < n && changed->len <= RELOAD_PEOPLE_OVER; i++)
    {
      g_autoptr(NbPerson) old = g_list_model_get_item (model, i);
      gint64 id = nb_person_get_id (old);
      NbPerson *now = g_hash_table_lookup (by_id, &id);

      if (now == NULL || !list_facts_equal (old, now))
        g_array_append_val (changed, id);
      if (now != NULL)
        g_hash_table_remove (by_id, &id);
    }

  /* Those left are new. */
  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, &key, NULL) && changed->len <= RELOAD_PEOPLE_OVER)
    g_array_append_val (changed, *(gint64 *) key);

  if (changed->len > RELOAD_PEOPLE_OVER)
    {
      load_people_model (self);
      return;
    }

  for (guint i = 0; i < changed->len; i++)
    update_person (self, g_array_index (changed, gint64, i));
}

void
_nb_store_models_reload (NbStore *self)
{
  if (self->people_model != NULL)
    reload_changed_people (self);
  refresh_all_timelines (self);
  refresh_followups (self);
}

void
_nb_store_models_dispose (NbStore *self)
{
  if (self->timelines != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->timelines);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, on_timeline_finalized_cb, self);
      g_clear_pointer (&self->timelines, g_hash_table_unref);
    }

  g_clear_handle_id (&self->trust_idle_id, g_source_remove);
  g_clear_pointer (&self->people_by_id, g_hash_table_unref);
  if (self->people_model != NULL)
    g_signal_handlers_disconnect_by_func (self->people_model, on_people_model_items_changed_cb, self);
  g_clear_object (&self->people_model);
  g_clear_object (&self->followups_model);
}

/* ---- public API ------------------------------------------------------- */

GListModel *
nb_store_get_people_model (NbStore *self)
{
  g_return_val_if_fail (NB_IS_STORE (self), NULL);

  return ensure_people_model (self, 0);
}

GListModel *
nb_store_get_people_model_first (NbStore *self,
                                 guint    n_first)
{
  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (n_first > 0, NULL);

  return ensure_people_model (self, n_first);
}

void
nb_store_complete_people_model (NbStore *self)
{
  g_return_if_fail (NB_IS_STORE (self));

  if (self->people_model != NULL && self->people_partial)
    load_people_model (self);
}

gboolean
nb_store_is_people_model_complete (NbStore *self)
{
  g_return_val_if_fail (NB_IS_STORE (self), FALSE);

  return self->people_model != NULL && !self->people_partial;
}

GListModel *
nb_store_get_timeline_model (NbStore *self,
                             gint64   person_id)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *model;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);

  if (self->timelines == NULL)
    self->timelines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  model = g_hash_table_lookup (self->timelines, &person_id);
  if (model != NULL)
    return g_object_ref (G_LIST_MODEL (model));

  model = g_list_store_new (NB_TYPE_ENTRY);
  entries = _nb_store_load_timeline (self, person_id, &error);
  if (entries == NULL)
    g_warning ("Could not load the timeline of %" G_GINT64_FORMAT ": %s",
               person_id, error->message);
  else
    g_list_store_splice (model, 0, 0, entries->pdata, entries->len);

  /* Weak: the model lives as long as its users want it. */
  g_hash_table_insert (self->timelines, g_memdup2 (&person_id, sizeof person_id), model);
  g_object_weak_ref (G_OBJECT (model), on_timeline_finalized_cb, self);

  return G_LIST_MODEL (model);
}

GListModel *
nb_store_get_followups_model (NbStore *self)
{
  g_return_val_if_fail (NB_IS_STORE (self), NULL);

  if (self->followups_model == NULL)
    {
      self->followups_model = g_list_store_new (NB_TYPE_ENTRY);
      refresh_followups (self);
    }

  return g_object_ref (G_LIST_MODEL (self->followups_model));
}
