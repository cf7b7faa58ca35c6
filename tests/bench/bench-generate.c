/* bench-generate.c: a synthetic but plausible network, from a seed.
 *
 * The same seed, sizes and GLib give the same notebook: every choice
 * comes from one GRand, and dates are relative to BENCH_TODAY. People
 * come from several cultures and scripts; a few people see most of the
 * activity (a power law), one "hub" has exactly 2,000 entries of their
 * own, and entries are written in date order, as a real notebook grows,
 * so a timeline is spread over the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bench.h"
#include "bench-words.h"
#include "nb-date.h"

#define HUB_ENTRIES 2000
#define PEOPLE_PER_TRANSACTION 500
#define ENTRIES_PER_TRANSACTION 5000
/* Six years of history, and meetings up to two months ahead. */
#define HISTORY_DAYS (6 * 365)
#define FUTURE_DAYS 60

/* ---- helpers ------------------------------------------------------------- */

static guint
strv_len (const char * const *strv)
{
  return g_strv_length ((char **) strv);
}

static const char *
pick (GRand              *rand,
      const char * const *strv)
{
  return strv[g_rand_int_range (rand, 0, (gint32) strv_len (strv))];
}

static gboolean
chance (GRand  *rand,
        double  probability)
{
  return g_rand_double (rand) < probability;
}

/* BENCH_TODAY minus @days (negative: in the future). */
static char *
date_before_today (int days)
{
  GDate date;

  g_date_clear (&date, 1);
  nb_date_parse_iso (BENCH_TODAY, &date, NULL);
  if (days >= 0)
    g_date_subtract_days (&date, (guint) days);
  else
    g_date_add_days (&date, (guint) -days);
  return nb_date_to_iso (&date);
}

static char *
add_days (const char *date_iso,
          guint       days)
{
  GDate date;

  g_date_clear (&date, 1);
  nb_date_parse_iso (date_iso, &date, NULL);
  g_date_add_days (&date, days);
  return nb_date_to_iso (&date);
}

static const BenchCulture *
pick_culture (GRand *rand)
{
  guint total = 0;
  guint n;

  for (guint i = 0; i < bench_n_cultures; i++)
    total += bench_cultures[i].weight;

  n = (guint) g_rand_int_range (rand, 0, (gint32) total);
  for (guint i = 0; i < bench_n_cultures; i++)
    {
      if (n < bench_cultures[i].weight)
        return &bench_cultures[i];
      n -= bench_cultures[i].weight;
    }

  return &bench_cultures[0];
}

/* "maria.garcia" from "María García", for e-mail addresses and URLs. */
static char *
ascii_handle (const char *given,
              const char *family,
              guint       n)
{
  g_autofree char *text = g_strdup_printf ("%s.%s", given, family);
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *handle = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '.')
        g_string_append_c (handle, g_ascii_tolower (*p));
    }

  /* Names in other scripts have no ASCII letters left. */
  if (handle->len < 3)
    g_string_printf (handle, "contact%u", n);

  return g_string_free (handle, FALSE);
}

static void
bench_person_free (BenchPerson *person)
{
  g_free (person->display_name);
  g_free (person->given);
  g_free (person->family);
  g_free (person->company);
  g_free (person);
}

void
bench_network_free (BenchNetwork *network)
{
  if (network == NULL)
    return;

  g_clear_pointer (&network->people, g_ptr_array_unref);
  g_clear_pointer (&network->companies, g_ptr_array_unref);
  g_clear_pointer (&network->note_words, g_ptr_array_unref);
  g_free (network);
}

static GPtrArray *
make_companies (GRand *rand,
                guint  n)
{
  GPtrArray *companies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; companies->len < n && i < n * 10; i++)
    {
      char *name;

      if (chance (rand, 0.03))
        name = g_strdup (pick (rand, bench_foreign_companies));
      else
        {
          const char *suffix = pick (rand, bench_company_suffix);

          name = g_strdup_printf ("%s %s%s%s", pick (rand, bench_company_first),
                                  bench_trades[g_rand_int_range (rand, 0, bench_n_trades)].word,
                                  *suffix != '\0' ? " " : "", suffix);
        }

      /* g_hash_table_add() replaces an equal key with the new one, so a
       * duplicate must be found before it is added (and freed). */
      if (g_hash_table_contains (seen, name))
        {
          g_free (name);
          continue;
        }
      g_hash_table_add (seen, name);
      g_ptr_array_add (companies, name);
    }

  return companies;
}

/* The trade a company's name implies, or a random one. */
static guint
company_trade (GRand      *rand,
               const char *company)
{
  for (guint i = 0; i < bench_n_trades; i++)
    if (company != NULL && strstr (company, bench_trades[i].word) != NULL)
      return i;

  return (guint) g_rand_int_range (rand, 0, bench_n_trades);
}

/* ---- the network ------------------------------------------------------- */

typedef struct {
  NbStore            *store;
  GRand              *rand;
  BenchNetwork       *network;
  const BenchOptions *options;
  guint               next;      /* next person index, or entry index */
  guint               until;
  /* Entries to write, in date order. */
  GArray             *plan;
  GArray             *events;    /* gint64 event ids */
  GPtrArray          *event_dates;
} Generator;

typedef struct {
  guint32  person;   /* index in network->people */
  guint16  days_ago_plus_future;  /* HISTORY_DAYS + FUTURE_DAYS - offset */
} PlannedEntry;

static NbPerson *
make_person (Generator *gen,
             guint      index)
{
  GRand *rand = gen->rand;
  BenchNetwork *network = gen->network;
  const BenchCulture *culture = pick_culture (rand);
  const char *given = pick (rand, culture->given);
  const char *family = pick (rand, culture->family);
  g_autofree char *display = NULL;
  g_autofree char *handle = NULL;
  g_autoptr(GStrvBuilder) tag_builder = g_strv_builder_new ();
  g_auto(GStrv) person_tags = NULL;
  NbPerson *person;
  BenchPerson *summary;
  const char *company = NULL;
  guint trade;
  guint n_tags;

  if (culture->family_first && !culture->latin)
    display = g_strconcat (family, given, NULL);
  else if (culture->family_first)
    display = g_strdup_printf ("%s %s", family, given);
  else if (chance (rand, 0.08))
    /* A middle initial, as cards often have. */
    display = g_strdup_printf ("%s %c. %s", given, 'A' + g_rand_int_range (rand, 0, 26), family);
  else
    display = g_strdup_printf ("%s %s", given, family);

  person = nb_person_new (display);
  nb_person_set_field (person, NB_PERSON_GIVEN_NAME, given);
  nb_person_set_field (person, NB_PERSON_FAMILY_NAME, family);

  if (chance (rand, 0.85))
    company = g_ptr_array_index (network->companies,
                                 g_rand_int_range (rand, 0, (gint32) network->companies->len));
  trade = company_trade (rand, company);

  if (company != NULL)
    nb_person_set_field (person, NB_PERSON_COMPANY, company);
  if (chance (rand, 0.8))
    nb_person_set_field (person, NB_PERSON_ROLE, pick (rand, bench_roles));
  if (chance (rand, 0.7))
    nb_person_set_field (person, NB_PERSON_INDUSTRY, bench_trades[trade].industry);
  if (chance (rand, 0.6))
    nb_person_set_field (person, NB_PERSON_LOCATION, pick (rand, bench_cities));

  handle = ascii_handle (given, family, index);
  if (chance (rand, 0.75))
    {
      g_autofree char *email = g_strdup_printf ("%s@example.%s", handle,
                                                chance (rand, 0.5) ? "com" : "org");

      nb_person_set_field (person, NB_PERSON_EMAILS, email);
    }
  if (chance (rand, 0.6))
    {
      g_autofree char *phone = g_strdup_printf ("+44 7%03d %06d",
                                                g_rand_int_range (rand, 0, 1000),
                                                g_rand_int_range (rand, 0, 1000000));

      nb_person_set_field (person, NB_PERSON_PHONES, phone);
    }
  if (chance (rand, 0.3))
    {
      g_autofree char *url = g_strdup_printf ("https://www.linkedin.com/in/%s", handle);

      nb_person_set_field (person, NB_PERSON_URLS, url);
    }
  if (chance (rand, 0.7))
    {
      g_autofree char *met = date_before_today (g_rand_int_range (rand, 0, HISTORY_DAYS));

      nb_person_set_field (person, NB_PERSON_MET_DATE, met);
      nb_person_set_field (person, NB_PERSON_MET_WHERE, pick (rand, bench_event_names));
    }
  if (chance (rand, 0.5))
    nb_person_set_field (person, NB_PERSON_OFFERS, bench_trades[trade].offer);
  if (chance (rand, 0.35))
    {
      g_autofree char *market = g_strdup_printf ("%s in %s", bench_trades[(trade + 7) % bench_n_trades].industry,
                                                 pick (rand, bench_cities));

      nb_person_set_field (person, NB_PERSON_TARGET_MARKET, market);
    }
  if (chance (rand, 0.4))
    {
      g_autofree char *text = g_strdup_printf ("%s, %s", pick (rand, bench_interests), pick (rand, bench_interests));

      nb_person_set_field (person, NB_PERSON_INTERESTS, text);
    }
  if (chance (rand, 0.2))
    nb_person_set_field (person, NB_PERSON_WORK_LIKES, "Solving problems for people they like.");
  if (chance (rand, 0.15))
    nb_person_set_field (person, NB_PERSON_CAREER_ORIGIN, "Took over the family business.");
  if (chance (rand, 0.25))
    nb_person_set_field (person, NB_PERSON_NETWORKS, pick (rand, bench_networks));
  if (chance (rand, 0.2))
    {
      g_autofree char *birthday = g_strdup_printf ("%04d-%02d-%02d",
                                                   g_rand_int_range (rand, 1950, 2000),
                                                   g_rand_int_range (rand, 1, 13),
                                                   g_rand_int_range (rand, 1, 29));

      nb_person_set_field (person, NB_PERSON_BIRTHDAY, birthday);
    }
  if (chance (rand, 0.35))
    {
      static const guint cadences[] = { 14, 30, 60, 90, 180 };

      nb_person_set_cadence_days (person, cadences[g_rand_int_range (rand, 0, G_N_ELEMENTS (cadences))]);
    }
  nb_person_set_rapport (person, (guint) g_rand_int_range (rand, 0, 6));
  if (chance (rand, 0.03))
    nb_person_set_archived (person, TRUE);
  if (index > 10 && chance (rand, 0.08))
    {
      BenchPerson *introducer = g_ptr_array_index (network->people,
                                                   g_rand_int_range (rand, 0, (gint32) index));

      nb_person_set_introduced_by (person, introducer->id);
    }

  n_tags = (guint) g_rand_int_range (rand, 0, 5);
  for (guint i = 0; i < n_tags; i++)
    g_strv_builder_add (tag_builder, pick (rand, bench_tags));
  person_tags = g_strv_builder_end (tag_builder);
  nb_person_set_tags (person, (const char * const *) person_tags);

  summary = g_new0 (BenchPerson, 1);
  summary->display_name = g_strdup (display);
  summary->given = g_strdup (given);
  summary->family = g_strdup (family);
  summary->company = g_strdup (company);
  g_ptr_array_add (network->people, summary);

  return person;
}

static gboolean
add_people_cb (NbStore  *store,
               gpointer  user_data,
               GError  **error)
{
  Generator *gen = user_data;

  for (; gen->next < gen->until; gen->next++)
    {
      g_autoptr(NbPerson) person = make_person (gen, gen->next);
      BenchPerson *summary = g_ptr_array_index (gen->network->people, gen->next);

      summary->id = nb_store_add_person (store, person, error);
      if (summary->id == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_events_cb (NbStore  *store,
               gpointer  user_data,
               GError  **error)
{
  Generator *gen = user_data;
  GRand *rand = gen->rand;
  guint n_people = gen->network->people->len;

  for (guint i = 0; i < gen->network->n_events; i++)
    {
      g_autofree char *date = date_before_today (g_rand_int_range (rand, 0, HISTORY_DAYS));
      g_autofree char *name = g_strdup_printf ("%s %s", pick (rand, bench_event_names), date);
      g_autoptr(NbEvent) event = nb_event_new (name, date, pick (rand, bench_cities));
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
      guint n_attendees = (guint) g_rand_int_range (rand, 8, 61);
      gint64 id = nb_store_add_event (store, event, error);

      if (id == 0)
        return FALSE;

      g_array_append_val (gen->events, id);
      g_ptr_array_add (gen->event_dates, g_steal_pointer (&date));

      for (guint j = 0; j < MIN (n_attendees, n_people); j++)
        {
          BenchPerson *person = g_ptr_array_index (gen->network->people,
                                                   g_rand_int_range (rand, 0, (gint32) n_people));

          if (!g_hash_table_add (seen, person))
            continue;
          if (!nb_store_add_attendee (store, id, person->id, error))
            return FALSE;
          gen->network->n_attendances++;
        }
    }

  return TRUE;
}

static int
compare_planned (gconstpointer a,
                 gconstpointer b)
{
  const PlannedEntry *pa = a;
  const PlannedEntry *pb = b;

  /* Oldest first; the person keeps ties stable. */
  if (pa->days_ago_plus_future != pb->days_ago_plus_future)
    return pa->days_ago_plus_future > pb->days_ago_plus_future ? -1 : 1;
  return pa->person < pb->person ? -1 : pa->person > pb->person;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  guint ca = *(const guint *) a;
  guint cb = *(const guint *) b;

  return ca < cb ? -1 : ca > cb;
}

/* How many entries each person gets: the hub exactly HUB_ENTRIES, the
 * rest on a power law over a shuffled order of people. */
static void
plan_entries (Generator *gen)
{
  GRand *rand = gen->rand;
  BenchNetwork *network = gen->network;
  guint n_people = network->people->len;
  guint hub = n_people / 3;
  guint hub_entries = MIN (HUB_ENTRIES, gen->options->n_entries / 2);
  g_autofree guint32 *order = g_new (guint32, n_people);
  g_autofree guint *counts = g_new0 (guint, n_people);
  g_autoptr(GArray) sorted_counts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint median_count;

  for (guint i = 0; i < n_people; i++)
    order[i] = i;
  for (guint i = n_people - 1; i > 0; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
      guint32 tmp = order[i];

      order[i] = order[j];
      order[j] = tmp;
    }

  counts[hub] = hub_entries;
  for (guint i = hub_entries; i < gen->options->n_entries; i++)
    {
      guint rank = (guint) floor ((double) n_people * pow (g_rand_double (rand), 1.6));
      guint person = order[MIN (rank, n_people - 1)];

      if (person == hub)
        person = order[(rank + 1) % n_people];
      counts[person]++;
    }

  for (guint p = 0; p < n_people; p++)
    {
      BenchPerson *person = g_ptr_array_index (network->people, p);

      person->n_entries = counts[p];
      g_array_append_val (sorted_counts, counts[p]);

      for (guint k = 0; k < counts[p]; k++)
        {
          PlannedEntry planned = {
            p, (guint16) g_rand_int_range (rand, 0, HISTORY_DAYS + FUTURE_DAYS),
          };

          g_array_append_val (gen->plan, planned);
        }
    }
  g_array_sort (gen->plan, compare_planned);

  network->hub_id = ((BenchPerson *) g_ptr_array_index (network->people, hub))->id;
  network->hub_entries = hub_entries;

  /* The typical person: the median count, other than the hub. */
  g_array_sort (sorted_counts, compare_counts);
  median_count = g_array_index (sorted_counts, guint, n_people / 2);

  for (guint p = 0; p < n_people; p++)
    {
      guint q = (p + n_people / 2) % n_people;

      if (q != hub && counts[q] == median_count)
        {
          network->typical_id = ((BenchPerson *) g_ptr_array_index (network->people, q))->id;
          network->typical_entries = median_count;
          break;
        }
    }
}

static NbEntryKind
pick_kind (GRand *rand)
{
  static const struct {
    NbEntryKind kind;
    guint       weight;
  } mix[] = {
    { NB_ENTRY_CONVERSATION, 25 }, { NB_ENTRY_NOTE, 20 }, { NB_ENTRY_MEETING, 10 },
    { NB_ENTRY_FOLLOW_UP, 12 }, { NB_ENTRY_DREAM, 3 }, { NB_ENTRY_CHALLENGE, 3 },
    { NB_ENTRY_NEED, 3 }, { NB_ENTRY_HELP_GIVEN, 5 }, { NB_ENTRY_HELP_RECEIVED, 3 },
    { NB_ENTRY_REFERRAL_GIVEN, 5 }, { NB_ENTRY_REFERRAL_RECEIVED, 4 },
    { NB_ENTRY_INTRODUCTION, 7 },
  };
  guint n = (guint) g_rand_int_range (rand, 0, 100);

  for (guint i = 0; i < G_N_ELEMENTS (mix); i++)
    {
      if (n < mix[i].weight)
        return mix[i].kind;
      n -= mix[i].weight;
    }

  return NB_ENTRY_NOTE;
}

static void
append_details (GRand   *rand,
                GString *text,
                guint    max)
{
  guint n = (guint) g_rand_int_range (rand, 0, (gint32) max + 1);

  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, chance (rand, 0.12) ? pick (rand, bench_foreign_sentences)
                                                 : pick (rand, bench_details));
    }
}

static char *
entry_text (GRand       *rand,
            NbEntryKind  kind,
            BenchPerson *person,
            BenchPerson *other)
{
  GString *text = g_string_new (NULL);
  const char *name = person->given;

  switch (kind)
    {
    case NB_ENTRY_CONVERSATION:
      g_string_append_printf (text, "Coffee with %s at %s. Talked about %s.",
                              name, pick (rand, bench_places), pick (rand, bench_topics));
      append_details (rand, text, 3);
      break;
    case NB_ENTRY_MEETING:
      g_string_append_printf (text, "1-2-1 with %s on %s: %s.", name, pick (rand, bench_places),
                              pick (rand, bench_topics));
      append_details (rand, text, 2);
      break;
    case NB_ENTRY_NOTE:
      if (chance (rand, 0.15))
        g_string_append (text, pick (rand, bench_foreign_sentences));
      else
        g_string_append_printf (text, "%s mentioned %s.", name, pick (rand, bench_topics));
      append_details (rand, text, 3);
      /* Now and then a long note: minutes pasted from somewhere. */
      if (chance (rand, 0.01))
        for (guint i = 0; i < 12; i++)
          g_string_append_printf (text, " Point %u: %s. %s", i + 1, pick (rand, bench_topics), pick (rand, bench_details));
      break;
    case NB_ENTRY_DREAM:
      g_string_append_printf (text, "Wants to %s.", pick (rand, bench_dreams));
      break;
    case NB_ENTRY_CHALLENGE:
      g_string_append_printf (text, "Struggling to %s.", pick (rand, bench_challenges));
      break;
    case NB_ENTRY_NEED:
      g_string_append_printf (text, "Needs %s.", pick (rand, bench_needs));
      break;
    case NB_ENTRY_HELP_GIVEN:
      g_string_append_printf (text, "Sent %s notes on %s.", name, pick (rand, bench_topics));
      break;
    case NB_ENTRY_HELP_RECEIVED:
      g_string_append_printf (text, "%s reviewed my proposal about %s.", name, pick (rand, bench_topics));
      break;
    case NB_ENTRY_REFERRAL_GIVEN:
      g_string_append_printf (text, "Referred %s to %s for %s.", name,
                              other != NULL ? other->display_name : "a contact",
                              pick (rand, bench_topics));
      break;
    case NB_ENTRY_REFERRAL_RECEIVED:
      g_string_append_printf (text, "%s referred a client who needs help with %s.", name,
                              pick (rand, bench_topics));
      break;
    case NB_ENTRY_INTRODUCTION:
      g_string_append_printf (text, "Introduced %s to %s: both work on %s.", name,
                              other != NULL ? other->display_name : "someone",
                              pick (rand, bench_topics));
      break;
    case NB_ENTRY_FOLLOW_UP:
      if (chance (rand, 0.5))
        g_string_append_printf (text, "Send %s the article about %s.", name, pick (rand, bench_topics));
      else
        g_string_append_printf (text, "Call %s back about %s.", name, pick (rand, bench_topics));
      break;
    default:
      g_string_append (text, "Note.");
      break;
    }

  return g_string_free (text, FALSE);
}

static BenchPerson *
pick_other (Generator *gen,
            guint      person)
{
  BenchNetwork *network = gen->network;
  guint n_people = network->people->len;

  for (;;)
    {
      guint other = (guint) g_rand_int_range (gen->rand, 0, (gint32) n_people);
      BenchPerson *candidate = g_ptr_array_index (network->people, other);

      /* The hub's timeline stays exactly HUB_ENTRIES long. */
      if (other != person && candidate->id != network->hub_id)
        return candidate;
    }
}

static gboolean
add_entries_cb (NbStore  *store,
                gpointer  user_data,
                GError  **error)
{
  Generator *gen = user_data;
  GRand *rand = gen->rand;
  BenchNetwork *network = gen->network;

  for (; gen->next < gen->until; gen->next++)
    {
      PlannedEntry *planned = &g_array_index (gen->plan, PlannedEntry, gen->next);
      BenchPerson *person = g_ptr_array_index (network->people, planned->person);
      int days_ago = (int) planned->days_ago_plus_future - FUTURE_DAYS;
      NbEntryKind kind = pick_kind (rand);
      BenchPerson *other = NULL;
      g_autofree char *date = NULL;
      g_autofree char *text = NULL;
      g_autoptr(NbEntry) entry = NULL;

      /* Only meetings are planned ahead; anything else is dated today. */
      if (days_ago < 0 && kind != NB_ENTRY_MEETING)
        days_ago = 0;
      date = date_before_today (days_ago);

      if (kind == NB_ENTRY_INTRODUCTION ||
          ((kind == NB_ENTRY_REFERRAL_GIVEN || kind == NB_ENTRY_REFERRAL_RECEIVED) && chance (rand, 0.5)))
        other = pick_other (gen, planned->person);

      text = entry_text (rand, kind, person, other);
      entry = nb_entry_new (kind, person->id, date, text);
      if (other != NULL)
        nb_entry_set_other_person_id (entry, other->id);

      if ((kind == NB_ENTRY_CONVERSATION || kind == NB_ENTRY_MEETING) && gen->events->len > 0 &&
          chance (rand, 0.1))
        {
          guint e = (guint) g_rand_int_range (rand, 0, (gint32) gen->events->len);

          nb_entry_set_event_id (entry, g_array_index (gen->events, gint64, e));
        }

      if (kind == NB_ENTRY_FOLLOW_UP)
        {
          guint delay = (guint) g_rand_int_range (rand, 3, 31);
          g_autofree char *due = add_days (date, delay);
          /* Recent promises are mostly still open, old ones mostly kept. */
          gboolean recent = days_ago < 60;

          nb_entry_set_due (entry, due);
          nb_entry_set_status (entry, chance (rand, recent ? 0.75 : 0.02) ? NB_STATUS_OPEN : NB_STATUS_DONE);
        }
      else if (kind == NB_ENTRY_DREAM || kind == NB_ENTRY_CHALLENGE || kind == NB_ENTRY_NEED)
        {
          gboolean recent = days_ago < 365;

          if (!chance (rand, recent ? 0.6 : 0.15))
            nb_entry_set_status (entry, kind == NB_ENTRY_DREAM ? NB_STATUS_ACHIEVED
                                 : kind == NB_ENTRY_CHALLENGE ? NB_STATUS_RESOLVED : NB_STATUS_HELPED);
        }

      if (nb_store_add_entry (store, entry, error) == 0)
        return FALSE;
      network->n_entries++;
    }

  return TRUE;
}

static BenchNetwork *
network_new (const BenchOptions *options,
             GRand              *rand)
{
  BenchNetwork *network = g_new0 (BenchNetwork, 1);

  network->people = g_ptr_array_new_with_free_func ((GDestroyNotify) bench_person_free);
  network->companies = make_companies (rand, MAX (50, options->n_people / 8));
  network->note_words = g_ptr_array_new ();
  for (guint i = 0; bench_note_words[i] != NULL; i++)
    g_ptr_array_add (network->note_words, (gpointer) bench_note_words[i]);
  network->n_events = MAX (5, options->n_people / 30);

  return network;
}

BenchNetwork *
bench_generate_network (NbStore             *store,
                        const BenchOptions  *options,
                        GError             **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (options->seed);
  g_autoptr(BenchNetwork) network = network_new (options, rand);
  g_autoptr(GArray) plan = g_array_sized_new (FALSE, FALSE, sizeof (PlannedEntry), options->n_entries);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) event_dates = g_ptr_array_new_with_free_func (g_free);
  Generator gen = { store, rand, network, options, 0, 0, plan, events, event_dates };

  for (gen.next = 0; gen.next < options->n_people; )
    {
      gen.until = MIN (gen.next + PEOPLE_PER_TRANSACTION, options->n_people);
      if (!nb_store_transaction (store, add_people_cb, &gen, error))
        return NULL;
    }
  bench_progress ("  %u people", network->people->len);

  if (!nb_store_transaction (store, add_events_cb, &gen, error))
    return NULL;
  bench_progress ("  %u events, %u attendances", network->n_events, network->n_attendances);

  plan_entries (&gen);
  for (gen.next = 0; gen.next < plan->len; )
    {
      gen.until = MIN (gen.next + ENTRIES_PER_TRANSACTION, plan->len);
      if (!nb_store_transaction (store, add_entries_cb, &gen, error))
        return NULL;
      if (gen.next % 50000 == 0)
        bench_progress ("  %u entries", gen.next);
    }
  bench_progress ("  %u entries", network->n_entries);

  return g_steal_pointer (&network);
}

BenchNetwork *
bench_describe_network (const BenchOptions *options)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (options->seed);
  g_autoptr(BenchNetwork) network = network_new (options, rand);
  g_autoptr(GArray) plan = g_array_sized_new (FALSE, FALSE, sizeof (PlannedEntry), options->n_entries);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) event_dates = g_ptr_array_new_with_free_func (g_free);
  Generator gen = { NULL, rand, network, options, 0, 0, plan, events, event_dates };

  /* The same draws as bench_generate_network(), in the same order, up to
   * the plan of entries; ids are given in insertion order from 1. */
  for (guint i = 0; i < options->n_people; i++)
    {
      g_autoptr(NbPerson) person = make_person (&gen, i);
      BenchPerson *summary = g_ptr_array_index (network->people, i);

      summary->id = i + 1;
    }

  for (guint i = 0; i < network->n_events; i++)
    {
      guint n_attendees;

      g_free (date_before_today (g_rand_int_range (rand, 0, HISTORY_DAYS)));
      pick (rand, bench_event_names);
      pick (rand, bench_cities);
      n_attendees = (guint) g_rand_int_range (rand, 8, 61);
      for (guint j = 0; j < MIN (n_attendees, options->n_people); j++)
        g_rand_int_range (rand, 0, (gint32) options->n_people);
    }

  plan_entries (&gen);
  return g_steal_pointer (&network);
}

/* ---- search queries ------------------------------------------------------ */

/* At most @max characters of @text. */
static char *
truncate_chars (const char *text,
                glong       max)
{
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);

  return g_utf8_substring (text, 0, max);
}

static gboolean
is_ascii_foldable (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 0x24F)
        return FALSE;
    }

  return TRUE;
}

/* People type names without accents and in lower case. */
static char *
as_typed (GRand      *rand,
          const char *text)
{
  if (is_ascii_foldable (text) && chance (rand, 0.3))
    {
      g_autofree char *ascii = g_str_to_ascii (text, "C");

      return g_ascii_strdown (ascii, -1);
    }

  if (chance (rand, 0.7))
    return g_utf8_strdown (text, -1);

  return g_strdup (text);
}

GPtrArray *
bench_generate_queries (BenchNetwork       *network,
                        const BenchOptions *options,
                        guint               n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (options->seed ^ 0x5eed);
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  guint n_people = network->people->len;

  while (queries->len < n)
    {
      BenchPerson *person = g_ptr_array_index (network->people,
                                               g_rand_int_range (rand, 0, (gint32) n_people));
      guint kind = (guint) g_rand_int_range (rand, 0, 100);
      g_autofree char *query = NULL;

      if (kind < 15)
        query = g_strdup (person->given);
      else if (kind < 25)
        query = g_strdup (person->family);
      else if (kind < 35)
        /* "maria gar": the whole first name, part of the family name. */
        query = g_strdup_printf ("%s %s", person->given, person->family);
      else if (kind < 55)
        {
          const char *company = g_ptr_array_index (network->companies,
                                                   g_rand_int_range (rand, 0, (gint32) network->companies->len));

          query = g_strdup (company);
        }
      else if (kind < 80)
        query = g_strdup (g_ptr_array_index (network->note_words,
                                             g_rand_int_range (rand, 0, (gint32) network->note_words->len)));
      else if (kind < 86)
        query = g_strdup (bench_trades[g_rand_int_range (rand, 0, bench_n_trades)].industry);
      else if (kind < 90)
        query = g_strdup (pick (rand, bench_roles));
      else if (kind < 94)
        query = g_strdup (pick (rand, bench_tags));
      else
        query = g_strdup_printf ("%s %s", person->given,
                                 (const char *) g_ptr_array_index (network->note_words,
                                                                   g_rand_int_range (rand, 0, (gint32) network->note_words->len)));

      {
        g_autofree char *typed = as_typed (rand, query);

        g_ptr_array_add (queries, truncate_chars (typed, 16));
      }
    }

  return queries;
}

/* ---- import files --------------------------------------------------------- */

/* vCard 3.0 text escaping: backslash, comma, semicolon, newline. */
static void
append_vcard_text (GString    *out,
                   const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == ',' || *p == ';')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        {
          g_string_append (out, "\\n");
          continue;
        }
      g_string_append_c (out, *p);
    }
}

/* A content line folded at 75 octets (never inside a character). */
static void
append_folded_line (GString    *out,
                    const char *line)
{
  gsize len = strlen (line);
  gsize start = 0;
  gsize width = 75;

  while (len - start > width)
    {
      gsize cut = start + width;

      while (cut > start && (line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, line + start, (gssize) (cut - start));
      g_string_append (out, "\r\n ");
      start = cut;
      width = 74;
    }
  g_string_append (out, line + start);
  g_string_append (out, "\r\n");
}

static void
append_property (GString    *out,
                 const char *name,
                 const char *value)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  append_vcard_text (line, value);
  append_folded_line (out, line->str);
}

gboolean
bench_write_vcard (const char  *path,
                   guint32      seed,
                   guint        n,
                   GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0xcafe);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) companies = make_companies (rand, 400);

  for (guint i = 0; i < n; i++)
    {
      const BenchCulture *culture = pick_culture (rand);
      const char *given = pick (rand, culture->given);
      const char *family = pick (rand, culture->family);
      g_autofree char *handle = ascii_handle (given, family, i);
      g_autofree char *fn = culture->family_first && !culture->latin
                            ? g_strconcat (family, given, NULL)
                            : g_strdup_printf ("%s %s", given, family);
      g_autoptr(GString) n_line = g_string_new ("N:");

      g_string_append (out, "BEGIN:VCARD\r\nVERSION:3.0\r\n");
      append_vcard_text (n_line, family);
      g_string_append_c (n_line, ';');
      append_vcard_text (n_line, given);
      g_string_append (n_line, ";;;");
      append_folded_line (out, n_line->str);
      append_property (out, "FN", fn);

      if (chance (rand, 0.7))
        append_property (out, "ORG", g_ptr_array_index (companies, g_rand_int_range (rand, 0, (gint32) companies->len)));
      if (chance (rand, 0.6))
        append_property (out, "TITLE", pick (rand, bench_roles));
      if (chance (rand, 0.8))
        {
          g_autofree char *email = g_strdup_printf ("%s@example.net", handle);

          append_property (out, "EMAIL;TYPE=INTERNET,HOME", email);
        }
      if (chance (rand, 0.3))
        {
          g_autofree char *email = g_strdup_printf ("%s@work.example.com", handle);

          append_property (out, "EMAIL;TYPE=INTERNET,WORK", email);
        }
      if (chance (rand, 0.85))
        {
          g_autofree char *phone = g_strdup_printf ("+1 555 %03d %04d",
                                                    g_rand_int_range (rand, 0, 1000),
                                                    g_rand_int_range (rand, 0, 10000));

          append_property (out, "TEL;TYPE=CELL", phone);
        }
      if (chance (rand, 0.3))
        {
          g_autofree char *adr = g_strdup_printf ("ADR;TYPE=WORK:;;%u Main Street;%s;;%05u;",
                                                  (guint) g_rand_int_range (rand, 1, 300),
                                                  pick (rand, bench_cities),
                                                  (guint) g_rand_int_range (rand, 1000, 99999));

          append_folded_line (out, adr);
        }
      if (chance (rand, 0.2))
        {
          g_autofree char *bday = g_strdup_printf ("BDAY:%04d-%02d-%02d",
                                                   g_rand_int_range (rand, 1950, 2000),
                                                   g_rand_int_range (rand, 1, 13),
                                                   g_rand_int_range (rand, 1, 29));

          append_folded_line (out, bday);
        }
      if (chance (rand, 0.25))
        {
          g_autofree char *url = g_strdup_printf ("https://www.linkedin.com/in/%s", handle);

          append_property (out, "URL", url);
        }
      if (chance (rand, 0.3))
        {
          g_autofree char *note = g_strdup_printf ("Met at %s. %s\n%s", pick (rand, bench_event_names),
                                                   pick (rand, bench_details), pick (rand, bench_details));

          append_property (out, "NOTE", note);
        }
      if (chance (rand, 0.4))
        {
          g_autofree char *categories = g_strdup_printf ("CATEGORIES:%s,%s", pick (rand, bench_tags),
                                                         pick (rand, bench_tags));

          append_folded_line (out, categories);
        }
      g_string_append (out, "END:VCARD\r\n");
    }

  return g_file_set_contents (path, out->str, (gssize) out->len, error);
}

static void
append_csv_field (GString    *out,
                  const char *value)
{
  if (strpbrk (value, ",\"\n\r") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

gboolean
bench_write_linkedin_csv (const char  *path,
                          guint32      seed,
                          guint        n,
                          GError     **error)
{
  static const char * const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x11d);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) companies = make_companies (rand, 600);

  /* What LinkedIn's "Connections.csv" export starts with. */
  g_string_append (out,
                   "Notes:\n"
                   "\"When exporting your connection data, you may notice that some of the email "
                   "addresses are missing. You will only see email addresses for connections who "
                   "have allowed their connections to see or download their email address using "
                   "this setting https://www.linkedin.com/psettings/privacy/email. You can learn "
                   "more here https://www.linkedin.com/help/linkedin/answer/261\"\n"
                   "\n"
                   "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");

  for (guint i = 0; i < n; i++)
    {
      const BenchCulture *culture = pick_culture (rand);
      const char *given = pick (rand, culture->given);
      const char *family = pick (rand, culture->family);
      g_autofree char *handle = ascii_handle (given, family, i);
      g_autofree char *url = g_strdup_printf ("https://www.linkedin.com/in/%s-%x", handle,
                                              (guint) g_rand_int (rand));
      g_autofree char *position = NULL;
      g_autofree char *connected = NULL;

      append_csv_field (out, given);
      g_string_append_c (out, ',');
      append_csv_field (out, family);
      g_string_append_c (out, ',');
      append_csv_field (out, url);
      g_string_append_c (out, ',');
      if (chance (rand, 0.15))
        {
          g_autofree char *email = g_strdup_printf ("%s@example.com", handle);

          append_csv_field (out, email);
        }
      g_string_append_c (out, ',');
      if (chance (rand, 0.9))
        append_csv_field (out, g_ptr_array_index (companies, g_rand_int_range (rand, 0, (gint32) companies->len)));
      g_string_append_c (out, ',');
      if (chance (rand, 0.2))
        position = g_strdup_printf ("%s, %s", pick (rand, bench_roles), pick (rand, bench_roles));
      else
        position = g_strdup (pick (rand, bench_roles));
      append_csv_field (out, position);
      g_string_append_c (out, ',');
      connected = g_strdup_printf ("%02d %s %d", g_rand_int_range (rand, 1, 29),
                                   months[g_rand_int_range (rand, 0, 12)],
                                   g_rand_int_range (rand, 2012, 2026));
      append_csv_field (out, connected);
      g_string_append_c (out, '\n');
    }

  return g_file_set_contents (path, out->str, (gssize) out->len, error);
}
