/* nb-match.c: matching a typed name against the people already known.
 *
 * Every call reads the names of everyone (not their cards) and scores
 * them here: a fuzzy rule has no index, and a few thousand short names
 * score in well under a millisecond each keystroke. Only the best few
 * are then loaded as NbPerson.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-match.h"
#include "nb-store-private.h"

/* Names longer than this are not compared letter by letter. */
#define MAX_DISTANCE_CHARS 64
/* The "change" menu needs a handful, not every John. */
#define MAX_MATCHES 8

#define SCORE_EXACT         90
#define SCORE_NICKNAME      75
#define SCORE_TYPO_1        65
#define SCORE_TYPO_2        55
#define SCORE_SAME_ENDS     55
#define SCORE_PARTIAL       40
#define COMPANY_AGREES      10
#define COMPANY_DIFFERS     20

/* Each line is one name and its usual English short forms. A short form
 * may be in several lines ("Ted" is Edward's and Theodore's); two names
 * match when they share a line, so "Ted" and "Ed" (both Edward) do, but
 * nickname chains do not go further. Folded: lowercase, no accents. */
static const char * const nickname_groups[] = {
  "robert bob rob bobby robbie bert",
  "william bill will billy liam willy",
  "james jim jimmy jamie",
  "michael mike mikey mick mickey",
  "katherine kate katie kathy cathy kat kit",
  "catherine kate katie cathy kathy cat",
  "kathryn kate katie kathy",
  "elizabeth liz lizzie beth betty betsy eliza libby",
  "thomas tom tommy",
  "richard dick rick ricky rich richie",
  "jennifer jenny jen jenn",
  "alexander alex alec xander sasha",
  "alexandra alex alexa lexi sasha",
  "samuel sam sammy",
  "samantha sam sammy",
  "daniel dan danny",
  "david dave davy",
  "christopher chris kit",
  "christine chris chrissy",
  "christina chris tina",
  "joseph joe joey",
  "anthony tony",
  "andrew andy drew",
  "stephen steve stevie",
  "steven steve stevie",
  "matthew matt matty",
  "nicholas nick nicky",
  "patrick pat paddy",
  "patricia pat patty trish tricia",
  "margaret peggy maggie meg marge madge greta",
  "susan sue susie suzy",
  "suzanne sue susie suzy",
  "edward ed eddie ted teddy ned",
  "edmund ed eddie ned",
  "theodore ted teddy theo",
  "john jack johnny jon",
  "jonathan jon jonny",
  "charles chuck charlie chas",
  "henry hank harry",
  "harold harry hal",
  "gregory greg",
  "jeffrey jeff",
  "geoffrey geoff jeff",
  "benjamin ben benny",
  "timothy tim timmy",
  "ronald ron ronnie",
  "donald don donnie",
  "kenneth ken kenny",
  "lawrence larry",
  "laurence larry",
  "gerald jerry gerry",
  "jeremy jerry",
  "frederick fred freddie freddy",
  "albert al bert",
  "alan al",
  "allan al",
  "allen al",
  "deborah deb debbie",
  "rebecca becky becca",
  "victoria vicky tori",
  "jessica jess jessie",
  "abigail abby",
  "barbara barb",
  "dorothy dot dottie",
  "judith judy",
  "cynthia cindy",
  "kimberly kim",
  "pamela pam",
  "sandra sandy",
  "teresa terry tess",
  "theresa terry tess",
  "terence terry",
  "valerie val",
  "virginia ginny",
  "frances fran",
  "francis frank",
  "franklin frank",
  "douglas doug",
  "raymond ray",
  "russell russ",
  "walter walt wally",
  "zachary zach zack",
  "nathan nate",
  "nathaniel nate nat",
  "natalie nat",
  "vincent vince vinny",
  "leonard leo len lenny",
  "louis lou",
  "peter pete",
  "philip phil",
  "phillip phil",
  "gabriel gabe",
  "jacob jake",
  "joshua josh",
  "maxwell max",
  "oliver ollie",
  "mitchell mitch",
  "randall randy",
  "stanley stan",
  "stuart stu",
  "tobias toby",
  "wesley wes",
  "eleanor ellie nell",
  "emily em emmy",
  "amanda mandy",
  "angela angie",
  "caroline carrie",
  "josephine jo josie",
  "melissa mel missy",
  "penelope penny",
  "stephanie steph",
  "veronica ronnie",
};

typedef struct {
  NbMatchKind  kind;
  guint        score;
  char        *reason;
} Score;

/* Folded name → GArray of guint: the nickname_groups lines it is on. */
static GHashTable *
nickname_table (void)
{
  static GHashTable *table;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_array_unref);

      for (guint i = 0; i < G_N_ELEMENTS (nickname_groups); i++)
        {
          g_auto(GStrv) names = g_strsplit (nickname_groups[i], " ", -1);

          for (guint j = 0; names[j] != NULL; j++)
            {
              GArray *groups = g_hash_table_lookup (t, names[j]);

              if (groups == NULL)
                {
                  groups = g_array_new (FALSE, FALSE, sizeof (guint));
                  g_hash_table_insert (t, g_strdup (names[j]), groups);
                }
              g_array_append_val (groups, i);
            }
        }

      table = t;
      g_once_init_leave (&initialized, 1);
    }

  return table;
}

gboolean
nb_match_nicknames (const char *folded_a,
                    const char *folded_b)
{
  GHashTable *table = nickname_table ();
  GArray *groups_a;
  GArray *groups_b;

  g_return_val_if_fail (folded_a != NULL && folded_b != NULL, FALSE);

  if (g_str_equal (folded_a, folded_b))
    return TRUE;

  groups_a = g_hash_table_lookup (table, folded_a);
  groups_b = g_hash_table_lookup (table, folded_b);
  if (groups_a == NULL || groups_b == NULL)
    return FALSE;

  for (guint i = 0; i < groups_a->len; i++)
    for (guint j = 0; j < groups_b->len; j++)
      if (g_array_index (groups_a, guint, i) == g_array_index (groups_b, guint, j))
        return TRUE;

  return FALSE;
}

guint
nb_match_edit_distance (const char *a,
                        const char *b,
                        guint       max)
{
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  g_autofree guint *rows = NULL;
  glong la;
  glong lb;
  guint *prev2;
  guint *prev;
  guint *cur;
  guint result;

  g_return_val_if_fail (a != NULL && b != NULL, G_MAXUINT);

  ua = g_utf8_to_ucs4_fast (a, -1, &la);
  ub = g_utf8_to_ucs4_fast (b, -1, &lb);

  if ((guint) ABS (la - lb) > max)
    return G_MAXUINT;
  if (la > MAX_DISTANCE_CHARS || lb > MAX_DISTANCE_CHARS)
    return la == lb && memcmp (ua, ub, (gsize) la * sizeof (gunichar)) == 0 ? 0 : G_MAXUINT;

  /* Three rows: the transposition looks two rows back. */
  rows = g_new0 (guint, 3 * (gsize) (lb + 1));
  prev2 = rows;
  prev = rows + lb + 1;
  cur = rows + 2 * (lb + 1);

  for (glong j = 0; j <= lb; j++)
    prev[j] = (guint) j;

  for (glong i = 1; i <= la; i++)
    {
      guint row_min;
      guint *tmp;

      cur[0] = (guint) i;
      row_min = cur[0];
      for (glong j = 1; j <= lb; j++)
        {
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;
          guint best = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);

          if (i > 1 && j > 1 && ua[i - 1] == ub[j - 2] && ua[i - 2] == ub[j - 1])
            best = MIN (best, prev2[j - 2] + 1);
          cur[j] = best;
          row_min = MIN (row_min, best);
        }

      if (row_min > max)
        return G_MAXUINT;

      tmp = prev2;
      prev2 = prev;
      prev = cur;
      cur = tmp;
    }

  result = prev[lb];
  return result <= max ? result : G_MAXUINT;
}

/* The typing slips a word of this length may have; short names are
 * other names after a single change. */
static gboolean
within_typo_budget (const char *a,
                    const char *b,
                    guint      *out_distance)
{
  guint len = (guint) MIN (g_utf8_strlen (a, -1), g_utf8_strlen (b, -1));
  guint distance;

  if (g_str_equal (a, b))
    {
      *out_distance = 0;
      return TRUE;
    }

  if (len <= 4)
    {
      gsize n = strlen (a);

      /* Only a swap of two neighbours ("Jhon"). */
      if (n != strlen (b) || nb_match_edit_distance (a, b, 1) != 1)
        return FALSE;
      for (gsize i = 0; i < n; i++)
        if (a[i] != b[i])
          {
            if (i + 1 >= n || a[i] != b[i + 1] || a[i + 1] != b[i] ||
                strcmp (a + i + 2, b + i + 2) != 0)
              return FALSE;
            break;
          }
      *out_distance = 1;
      return TRUE;
    }

  distance = nb_match_edit_distance (a, b, len <= 6 ? 1 : 2);
  if (distance == G_MAXUINT)
    return FALSE;

  *out_distance = distance;
  return TRUE;
}

static char *
capitalize (const char *folded)
{
  gunichar first = g_utf8_get_char (folded);
  GString *out = g_string_new (NULL);

  g_string_append_unichar (out, g_unichar_totitle (first));
  g_string_append (out, g_utf8_next_char (folded));
  return g_string_free (out, FALSE);
}

static char *
nickname_reason (const char *a,
                 const char *b)
{
  g_autofree char *short_name = capitalize (strlen (a) <= strlen (b) ? a : b);
  g_autofree char *long_name = capitalize (strlen (a) <= strlen (b) ? b : a);

  /* Translators: "Bob is short for Robert". */
  return g_strdup_printf (_("%s is short for %s"), short_name, long_name);
}

static gboolean
set_score (Score       *score,
           NbMatchKind  kind,
           guint        value,
           char        *reason)
{
  if (value <= score->score)
    {
      g_free (reason);
      return FALSE;
    }

  g_free (score->reason);
  score->kind = kind;
  score->score = value;
  score->reason = reason;
  return TRUE;
}

static char *
join_words (char **words)
{
  return g_strjoinv (" ", words);
}

/* Scores typed words @t against one form of a known name @k. */
static void
score_words (char  **t,
             char  **k,
             Score  *score)
{
  guint nt = g_strv_length (t);
  guint nk = g_strv_length (k);
  g_autofree char *tj = NULL;
  g_autofree char *kj = NULL;

  if (nt == 0 || nk == 0)
    return;

  tj = join_words (t);
  kj = join_words (k);
  if (g_str_equal (tj, kj))
    {
      set_score (score, NB_MATCH_EXACT, SCORE_EXACT, g_strdup (_("Same name")));
      return;
    }

  if (nt >= 2 && nk >= 2)
    {
      const char *tg = t[0], *tf = t[nt - 1];
      const char *kg = k[0], *kf = k[nk - 1];

      if (g_str_equal (tf, kf) && !g_str_equal (tg, kg) && nb_match_nicknames (tg, kg))
        set_score (score, NB_MATCH_NICKNAME, SCORE_NICKNAME, nickname_reason (tg, kg));

      if (nt == nk)
        {
          guint total = 0;
          gboolean close = TRUE;

          for (guint i = 0; i < nt && close; i++)
            {
              guint d;

              close = within_typo_budget (t[i], k[i], &d);
              total += close ? d : 0;
            }

          if (close && total >= 1 && total <= 2)
            set_score (score, NB_MATCH_TYPO, total == 1 ? SCORE_TYPO_1 : SCORE_TYPO_2,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%u letter apart", "%u letters apart",
                                                     total),
                                        total));
        }
      else if (g_str_equal (tg, kg) && g_str_equal (tf, kf))
        {
          set_score (score, NB_MATCH_PARTIAL, SCORE_SAME_ENDS,
                     g_strdup (_("Same first and family name")));
        }

      /* An initial for a first name: "J. Haddad". */
      if (g_str_equal (tf, kf) && g_utf8_strlen (tg, -1) == 1 &&
          g_utf8_get_char (tg) == g_utf8_get_char (kg))
        set_score (score, NB_MATCH_PARTIAL, SCORE_PARTIAL, g_strdup (_("Same initial and family name")));
      return;
    }

  /* One word on either side: a first name ("Bob") or a family name
   * alone is only a hint. */
  if (nb_match_nicknames (t[0], k[0]))
    set_score (score, NB_MATCH_PARTIAL, SCORE_PARTIAL,
               g_str_equal (t[0], k[0]) ? g_strdup (_("Same first name")) : nickname_reason (t[0], k[0]));
  else if (nt == 1 && g_str_equal (t[0], k[nk - 1]))
    set_score (score, NB_MATCH_PARTIAL, SCORE_PARTIAL, g_strdup (_("Same family name")));
}

/* "Blue Harbor" agrees with "Blue Harbor Insurance"; -1, 0 or 1. */
static int
compare_companies (char **typed,
                   char **known)
{
  g_autofree char *tj = NULL;
  g_autofree char *kj = NULL;
  guint nt = g_strv_length (typed);
  guint nk = g_strv_length (known);
  guint prefix = MIN (nt, nk);
  gboolean starts = TRUE;
  guint distance;

  if (nt == 0 || nk == 0)
    return 0;

  for (guint i = 0; i < prefix && starts; i++)
    starts = g_str_equal (typed[i], known[i]);
  if (starts)
    return 1;

  tj = join_words (typed);
  kj = join_words (known);
  return within_typo_budget (tj, kj, &distance) ? 1 : -1;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const NbMatch *ma = *(NbMatch * const *) a;
  const NbMatch *mb = *(NbMatch * const *) b;

  if (ma->score != mb->score)
    return ma->score > mb->score ? -1 : 1;

  return _nb_store_compare_people (ma->person, mb->person);
}

typedef struct {
  gint64  id;
  Score   score;
} Candidate;

static void
clear_candidate (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->score.reason);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->score.score != cb->score.score)
    return ca->score.score > cb->score.score ? -1 : 1;
  return ca->id < cb->id ? -1 : ca->id > cb->id;
}

/* Scores one row of "id, display_name, given_name, family_name, company". */
static gboolean
score_row (sqlite3_stmt  *stmt,
           char         **typed,
           char         **typed_company,
           Candidate     *out)
{
  g_autofree char *display = _nb_fold (_nb_column_text (stmt, 1));
  g_auto(GStrv) display_words = _nb_split_words (display);
  Score score = { NB_MATCH_PARTIAL, 0, NULL };
  const char *given = _nb_column_text (stmt, 2);
  const char *family = _nb_column_text (stmt, 3);
  int company;

  score_words (typed, display_words, &score);

  if (*given != '\0' && *family != '\0')
    {
      g_autofree char *formal = g_strconcat (given, " ", family, NULL);
      g_autofree char *folded = _nb_fold (formal);
      g_auto(GStrv) formal_words = _nb_split_words (folded);

      score_words (typed, formal_words, &score);
    }

  if (score.score == 0)
    return FALSE;

  {
    g_autofree char *folded = _nb_fold (_nb_column_text (stmt, 4));
    g_auto(GStrv) known_company = _nb_split_words (folded);

    company = compare_companies (typed_company, known_company);
  }

  if (company != 0)
    {
      /* Translators: a match's reasons: "Same name; same company". */
      char *reason = g_strdup_printf (_("%s; %s"), score.reason,
                                      company > 0 ? _("same company") : _("another company"));

      if (company > 0)
        score.score = MIN (score.score + COMPANY_AGREES, 100);
      else
        score.score = score.score > COMPANY_DIFFERS ? score.score - COMPANY_DIFFERS : 1;
      g_free (score.reason);
      score.reason = reason;
    }

  out->id = sqlite3_column_int64 (stmt, 0);
  out->score = score;
  return TRUE;
}

void
nb_match_free (NbMatch *match)
{
  if (match == NULL)
    return;

  g_clear_object (&match->person);
  g_free (match->reason);
  g_free (match);
}

gboolean
nb_match_is_confident (const NbMatch *match)
{
  g_return_val_if_fail (match != NULL, FALSE);

  return match->score >= NB_MATCH_CONFIDENT;
}

NbMatch *
nb_match_pick (GPtrArray *matches)
{
  NbMatch *best;

  g_return_val_if_fail (matches != NULL, NULL);

  if (matches->len == 0)
    return NULL;

  best = g_ptr_array_index (matches, 0);
  if (!nb_match_is_confident (best))
    return NULL;
  if (matches->len > 1 &&
      ((NbMatch *) g_ptr_array_index (matches, 1))->score >= best->score)
    return NULL;

  return best;
}

GPtrArray *
nb_store_match_name (NbStore     *self,
                     const char  *name,
                     const char  *company,
                     GError     **error)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_match_free);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(NbStmt) stmt = NULL;
  g_autofree char *folded_name = NULL;
  g_autofree char *folded_company = NULL;
  g_auto(GStrv) typed = NULL;
  g_auto(GStrv) typed_company = NULL;
  int rc;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_array_set_clear_func (candidates, clear_candidate);

  folded_name = _nb_fold (name);
  folded_company = _nb_fold (company);
  typed = _nb_split_words (folded_name);
  typed_company = _nb_split_words (folded_company);
  if (typed[0] == NULL)
    return g_steal_pointer (&matches);

  if (!_nb_store_begin (self, FALSE, error))
    return NULL;

  stmt = _nb_store_prepare (self, NB_STMT_MATCH_PEOPLE,
                            "SELECT id, display_name, given_name, family_name, company"
                            " FROM people WHERE deleted = 0",
                            error);
  if (stmt == NULL)
    goto failed;

  while ((rc = _nb_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      Candidate candidate;

      if (score_row (stmt, typed, typed_company, &candidate))
        g_array_append_val (candidates, candidate);
    }
  g_clear_pointer (&stmt, _nb_stmt_release);
  if (rc == -1)
    goto failed;

  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len && i < MAX_MATCHES; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      NbMatch *match;
      NbPerson *person;

      person = _nb_store_load_person (self, candidate->id, FALSE, error);
      if (person == NULL)
        goto failed;

      match = g_new0 (NbMatch, 1);
      match->person = person;
      match->kind = candidate->score.kind;
      match->score = candidate->score.score;
      match->reason = g_steal_pointer (&candidate->score.reason);
      g_ptr_array_add (matches, match);
    }

  if (!_nb_store_commit (self, error))
    return NULL;

  g_ptr_array_sort (matches, compare_matches);
  return g_steal_pointer (&matches);

failed:
  _nb_store_rollback (self);
  return NULL;
}
