/* test-validator.c: every check fires on a crafted input, none on the examples
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-validator"

#include "test-util.h"

#define COURSE_0 "\"id\": \"5c958415-1a31-46ae-8ff8-0b025a2fd881\""
#define MODULE_1 "\"id\": \"4b1162d5-7f7b-461d-978e-6d1d51b10f66\""
#define PERSON_0 "1e216d04-6192-4f81-ae43-b751d7e3c01b"
#define PARTNER_0 "613721c8-0565-408f-8cea-03b01f7e6a2f"
#define OUTCOME_0 "dedbb3f3-5477-4cb1-89ae-88f80a32992a"
#define INDICATOR_1_1 "70fb63c4-af4a-4d45-876b-eab8f1ef7082"

static GListModel *
validate (CbProject *project)
{
  GListModel *problems = G_LIST_MODEL (cb_validate (project));
  guint n = g_list_model_get_n_items (problems);

  /* Whatever fires: a code, a sentence, and a path that starts at its record. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CbProblem) problem = g_list_model_get_item (problems, i);
      CbEntity *entity = cb_problem_get_entity (problem);
      g_autofree char *base = entity ? cb_entity_dup_path (entity) : NULL;

      if (g_test_verbose ())
        g_test_message ("%s %s at %s: %s", cb_severity_to_string (cb_problem_get_severity (problem)),
                        cb_problem_get_code (problem), cb_problem_get_path (problem),
                        cb_problem_get_message (problem));
      g_assert_nonnull (cb_problem_get_code (problem));
      g_assert_nonnull (cb_problem_get_message (problem));
      g_assert_cmpuint (strlen (cb_problem_get_message (problem)), >, 10);
      g_assert_nonnull (cb_problem_get_path (problem));
      if (base != NULL)
        g_assert_true (g_str_has_prefix (cb_problem_get_path (problem), base));
    }
  return problems;
}

static gboolean
is_error_code (const char *code)
{
  const char *errors[] = {
    "wrong-type", "missing-id", "duplicate-id", "dangling-reference", "wrong-reference-kind",
    "foreign-reference", "invalid-value", "out-of-range", "duplicate-key", "missing-reference",
    "missing-value", NULL
  };

  return g_strv_contains (errors, code);
}

/* Finds the problem @code at @path (any path if NULL) and checks it. */
static CbProblem *
expect_problem (GListModel *problems,
                const char *code,
                const char *path)
{
  guint n = g_list_model_get_n_items (problems);
  GString *seen = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CbProblem) problem = g_list_model_get_item (problems, i);

      if (strcmp (cb_problem_get_code (problem), code) != 0)
        continue;
      g_string_append_printf (seen, " %s", cb_problem_get_path (problem));
      if (path != NULL && strcmp (cb_problem_get_path (problem), path) != 0)
        continue;
      g_assert_cmpint (cb_problem_get_severity (problem), ==,
                       is_error_code (code) ? CB_SEVERITY_ERROR : CB_SEVERITY_WARNING);
      g_string_free (seen, TRUE);
      return problem;  /* the list keeps it alive */
    }
  g_error ("no “%s” problem at %s (found at:%s)", code, path ? path : "any path", seen->str);
}

static guint
count_code (GListModel *problems,
            const char *code)
{
  guint n = g_list_model_get_n_items (problems);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CbProblem) problem = g_list_model_get_item (problems, i);

      if (strcmp (cb_problem_get_code (problem), code) == 0)
        count++;
    }
  return count;
}

/* Checks that undoing every crafted edit leaves a project without problems. */
static void
expect_clean_after_undo (CbProject *project)
{
  g_autoptr (GListModel) problems = NULL;

  while (cb_project_undo (project))
    ;
  problems = validate (project);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
}

static void
test_examples_clean (void)
{
  const char *names[] = { "robotics-en.coursebridge", "robotics-zh.coursebridge" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (CbProject) project = test_load_example_project (names[i]);
      g_autoptr (GListModel) problems = validate (project);

      g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
      g_assert_cmpuint (cb_problems_count (problems, CB_SEVERITY_ERROR), ==, 0);
      g_assert_cmpuint (cb_problems_count (problems, CB_SEVERITY_WARNING), ==, 0);
    }

  {
    const CbSynthSize size = { 6, 5, 10, 4, 3, 2, 3 };
    g_autoptr (CbProject) synth = cb_synth_project (&size);
    g_autoptr (GListModel) problems = validate (synth);

    g_assert_cmpuint (cb_problems_count (problems, CB_SEVERITY_ERROR), ==, 0);
  }
  g_assert_cmpstr (cb_severity_to_string (CB_SEVERITY_ERROR), ==, "error");
  g_assert_cmpstr (cb_severity_to_string (CB_SEVERITY_WARNING), ==, "warning");
}

static CbProject *
load_edited (const char *from,
             const char *needle,
             const char *replacement)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  const char *start = from ? strstr (original, from) : original;
  g_autofree char *tail = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (start);
  tail = test_replace (start, needle, replacement);
  text = g_strdup_printf ("%.*s%s", (int) (start - original), original, tail);
  return test_load_text (text);
}

/* Errors */

static void
test_wrong_type (void)
{
  struct {
    const char *from, *needle, *replacement, *path, *field;
  } cases[] = {
    { COURSE_0, "\"credits\": 4,", "\"credits\": \"three\",", "courses[0].credits", "credits" },
    { MODULE_1, "\"hours\": {", "\"hours\": [1, 2], \"x_hours\": {", "courses[0].modules[1].hours", "hours" },
    { MODULE_1, "\"topics\": [", "\"topics\": [1, ", "courses[0].modules[1].topics", "topics" },
    { COURSE_0, "\"semester\": 3,", "\"semester\": 3.5,", "courses[0].semester", "semester" },
    { NULL, "\"people\": [", "\"people\": {}, \"x_people\": [", "people", "people" },
    { COURSE_0, "\"team\": [", "\"team\": [7, ", "courses[0].team", "team" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CbProject) project = load_edited (cases[i].from, cases[i].needle, cases[i].replacement);
      g_autoptr (GListModel) problems = validate (project);
      CbProblem *problem = expect_problem (problems, "wrong-type", cases[i].path);

      g_assert_cmpstr (cb_problem_get_field (problem), ==, cases[i].field);
      g_assert_nonnull (strstr (cb_problem_get_message (problem), cases[i].field));
      g_assert_cmpuint (count_code (problems, "wrong-type"), ==, 1);
    }
}

static void
test_ids (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *root = CB_ENTITY (project);
  CbEntity *course = test_course (project, 0);
  g_autoptr (CbEntity) no_id = cb_entity_new (CB_KIND_MODULE);
  g_autoptr (CbEntity) twin = cb_entity_new (CB_KIND_PERSON);
  g_autoptr (GListModel) problems = NULL;
  CbProblem *problem;

  cb_entity_set_string (no_id, "title", "Without an id");
  cb_entity_append_child (course, "modules", no_id);
  g_assert_true (cb_entity_set_id (twin, PERSON_0));
  cb_entity_append_child (root, "people", twin);
  problems = validate (project);

  problem = expect_problem (problems, "missing-id", "courses[0].modules[6].id");
  g_assert_true (cb_problem_get_entity (problem) == no_id);
  problem = expect_problem (problems, "duplicate-id", "people[11].id");
  g_assert_true (cb_problem_get_entity (problem) == twin);
  /* The message names the record that has the id already. */
  g_assert_nonnull (strstr (cb_problem_get_message (problem), "people[0]"));
  g_assert_cmpuint (count_code (problems, "duplicate-id"), ==, 1);
  expect_clean_after_undo (project);

  /* Two records of one id in the file. */
  {
    g_autoptr (CbProject) dup = load_edited (MODULE_1, MODULE_1, "\"id\": \"" PERSON_0 "\"");
    g_autoptr (GListModel) dup_problems = validate (dup);

    expect_problem (dup_problems, "duplicate-id", "courses[0].modules[1].id");
  }
}

static void
test_references (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *course = test_course (project, 0);
  CbEntity *other = test_course (project, 1);
  CbEntity *support = cb_entity_get_child (cb_entity_get_child (course, "objectives", 0), "supports", 0);
  CbEntity *module = cb_entity_get_child (course, "modules", 0);
  const char *foreign[] = { cb_entity_get_id (cb_entity_get_child (other, "objectives", 0)), NULL };
  g_autoptr (GListModel) problems = NULL;
  CbProblem *problem;

  cb_entity_set_string (cb_entity_get_child (course, "team", 0), "person", "no-such-person");
  cb_entity_set_string (cb_entity_get_child (course, "team", 1), "person", PARTNER_0);
  cb_entity_set_string (support, "indicator", OUTCOME_0);
  cb_entity_set_strv (module, "objectives", foreign);
  cb_entity_set_strv (cb_entity_get_child (course, "modules", 1), "authors",
                      (const char *[]) { PERSON_0, "gone", NULL });
  problems = validate (project);

  problem = expect_problem (problems, "dangling-reference", "courses[0].team[0].person");
  g_assert_nonnull (strstr (cb_problem_get_message (problem), "no-such-person"));
  expect_problem (problems, "dangling-reference", "courses[0].modules[1].authors");
  expect_problem (problems, "wrong-reference-kind", "courses[0].team[1].person");
  /* An outcome stands for itself only when it has no indicators. */
  expect_problem (problems, "wrong-reference-kind", "courses[0].objectives[0].supports[0].indicator");
  problem = expect_problem (problems, "foreign-reference", "courses[0].modules[0].objectives");
  g_assert_true (cb_problem_get_entity (problem) == module);
  expect_clean_after_undo (project);

  /* A key that is missing. */
  {
    g_autoptr (CbEntity) member = cb_entity_new (CB_KIND_TEAM_MEMBER);
    g_autoptr (GListModel) more = NULL;

    cb_entity_set_string (member, "role", "co-teacher");
    cb_entity_append_child (course, "team", member);
    more = validate (project);
    expect_problem (more, "missing-reference", "courses[0].team[3].person");
  }
}

static void
test_values (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *root = CB_ENTITY (project);
  CbEntity *course = test_course (project, 0);
  CbEntity *objective = cb_entity_get_child (course, "objectives", 0);
  g_autoptr (CbEntity) same_indicator = cb_entity_new (CB_KIND_SUPPORT);
  g_autoptr (CbEntity) same_person = cb_entity_new (CB_KIND_TEAM_MEMBER);
  g_autoptr (GListModel) problems = NULL;
  CbProblem *problem;

  cb_entity_set_string (course, "category", "mandatory");
  cb_entity_set_int (cb_entity_get_child (root, "skills", 0), "importance", 7);
  cb_entity_set_number (cb_entity_get_child (course, "assessments", 0), "weight", -5);
  cb_entity_set_int (course, "semester", 0);
  cb_entity_set_string (same_indicator, "indicator", INDICATOR_1_1);
  cb_entity_append_child (objective, "supports", same_indicator);
  cb_entity_set_string (same_person, "person", PERSON_0);
  cb_entity_append_child (course, "team", same_person);
  problems = validate (project);

  problem = expect_problem (problems, "invalid-value", "courses[0].category");
  g_assert_nonnull (strstr (cb_problem_get_message (problem), "mandatory"));
  expect_problem (problems, "out-of-range", "skills[0].importance");
  expect_problem (problems, "out-of-range", "courses[0].assessments[0].weight");
  expect_problem (problems, "out-of-range", "courses[0].semester");
  problem = expect_problem (problems, "duplicate-key", "courses[0].objectives[0].supports[2]");
  g_assert_true (cb_problem_get_entity (problem) == same_indicator);
  expect_problem (problems, "duplicate-key", "courses[0].team[3]");
  g_assert_cmpuint (count_code (problems, "duplicate-key"), ==, 2);
  expect_clean_after_undo (project);

  /* Results are keyed by assessment and objective together. */
  {
    CbEntity *offering = cb_entity_get_child (course, "offerings", 0);
    CbEntity *result = cb_entity_get_child (offering, "results", 0);
    g_autoptr (CbEntity) again = cb_entity_duplicate (result);
    g_autoptr (GListModel) more = NULL;
    guint n = cb_entity_get_n_children (offering, "results");
    g_autofree char *path = g_strdup_printf ("courses[0].offerings[0].results[%u]", n);

    cb_entity_append_child (offering, "results", again);
    more = validate (project);
    expect_problem (more, "duplicate-key", path);
    g_assert_cmpuint (count_code (more, "duplicate-key"), ==, 1);

    /* Another objective for the same assessment is another key. */
    cb_entity_set_string (again, "objective",
                          cb_entity_get_string (cb_entity_get_child (offering, "results", 1), "objective"));
    if (g_strcmp0 (cb_entity_get_string (again, "assessment"),
                   cb_entity_get_string (cb_entity_get_child (offering, "results", 1), "assessment")) != 0)
      {
        g_clear_object (&more);
        more = validate (project);
        g_assert_cmpuint (count_code (more, "duplicate-key"), ==, 0);
      }
  }
}

/* Warnings */

static void
test_objectives_and_indicators (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *root = CB_ENTITY (project);
  CbEntity *course = test_course (project, 0);
  g_autoptr (CbEntity) objective = cb_entity_new_with_id (CB_KIND_OBJECTIVE);
  g_autoptr (CbEntity) indicator = cb_entity_new_with_id (CB_KIND_INDICATOR);
  g_autoptr (CbEntity) outcome = cb_entity_new_with_id (CB_KIND_OUTCOME);
  g_autoptr (GListModel) problems = NULL;
  CbProblem *problem;
  guint n_indicators;

  cb_entity_set_string (objective, "code", "CO9");
  cb_entity_append_child (course, "objectives", objective);
  n_indicators = cb_entity_get_n_children (cb_entity_get_child (root, "outcomes", 0), "indicators");
  cb_entity_set_string (indicator, "code", "1.9");
  cb_entity_append_child (cb_entity_get_child (root, "outcomes", 0), "indicators", indicator);
  cb_entity_set_string (outcome, "code", "GR9");
  cb_entity_append_child (root, "outcomes", outcome);
  problems = validate (project);

  problem = expect_problem (problems, "objective-unsupported", "courses[0].objectives[4].supports");
  g_assert_true (cb_problem_get_entity (problem) == objective);
  expect_problem (problems, "objective-unassessed", "courses[0].objectives[4]");
  {
    g_autofree char *path = g_strdup_printf ("outcomes[0].indicators[%u]", n_indicators);

    problem = expect_problem (problems, "indicator-unsupported", path);
    g_assert_true (cb_problem_get_entity (problem) == indicator);
  }
  expect_problem (problems, "indicator-unsupported", "outcomes[6]");
  g_assert_cmpuint (cb_problems_count (problems, CB_SEVERITY_ERROR), ==, 0);
  expect_clean_after_undo (project);
}

static void
test_weights (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *course = test_course (project, 0);
  CbEntity *assessment = cb_entity_get_child (course, "assessments", 0);
  CbEntity *objective = cb_entity_get_child (course, "objectives", 0);
  g_autoptr (GListModel) problems = NULL;
  CbProblem *problem;

  cb_entity_set_number (assessment, "weight", 35);
  cb_entity_set_number (cb_entity_get_child (assessment, "targets", 0), "weight", 60);
  cb_entity_set_number (cb_entity_get_child (objective, "supports", 0), "weight", 0.5);
  problems = validate (project);

  problem = expect_problem (problems, "assessment-weights", "courses[0].assessments");
  g_assert_nonnull (strstr (cb_problem_get_message (problem), "105"));
  problem = expect_problem (problems, "target-shares", "courses[0].objectives[0]");
  g_assert_true (cb_problem_get_entity (problem) == objective);
  g_assert_nonnull (strstr (cb_problem_get_message (problem), "90"));
  expect_problem (problems, "support-weights", "courses[0].objectives");
  g_assert_cmpuint (cb_problems_count (problems, CB_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 3);
  expect_clean_after_undo (project);
}

static void
test_hours_and_skills (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *root = CB_ENTITY (project);
  CbEntity *course = test_course (project, 0);
  CbEntity *module = cb_entity_get_child (course, "modules", 1);
  g_autoptr (CbEntity) untaught = cb_entity_new_with_id (CB_KIND_SKILL);
  g_autoptr (CbEntity) shallow = cb_entity_new_with_id (CB_KIND_SKILL);
  g_autoptr (CbEntity) unimportant = cb_entity_new_with_id (CB_KIND_SKILL);
  g_autoptr (CbEntity) mapping = cb_entity_new (CB_KIND_MODULE_SKILL);
  g_autoptr (GListModel) problems = NULL;
  CbProblem *problem;
  guint n_skills = cb_entity_get_n_children (root, "skills");

  cb_entity_set_number (cb_entity_get_object (module, "hours"), "theory", 7);
  cb_entity_set_string (untaught, "title", "Untaught");
  cb_entity_set_int (untaught, "importance", 5);
  cb_entity_set_string (untaught, "level_required", "mastered");
  cb_entity_append_child (root, "skills", untaught);
  cb_entity_set_string (shallow, "title", "Shallow");
  cb_entity_set_int (shallow, "importance", 4);
  cb_entity_set_string (shallow, "level_required", "mastered");
  cb_entity_append_child (root, "skills", shallow);
  cb_entity_set_int (unimportant, "importance", 3);
  cb_entity_append_child (root, "skills", unimportant);
  cb_entity_set_string (mapping, "skill", cb_entity_get_id (shallow));
  cb_entity_set_string (mapping, "level", "reinforced");
  cb_entity_append_child (module, "skills", mapping);
  problems = validate (project);

  problem = expect_problem (problems, "module-hours", "courses[0].hours.theory");
  g_assert_true (cb_problem_get_entity (problem) == course);
  g_assert_nonnull (strstr (cb_problem_get_message (problem), "33"));
  g_assert_cmpuint (count_code (problems, "module-hours"), ==, 1);
  {
    g_autofree char *path1 = g_strdup_printf ("skills[%u]", n_skills);
    g_autofree char *path2 = g_strdup_printf ("skills[%u]", n_skills + 1);

    problem = expect_problem (problems, "skill-gap", path1);
    g_assert_true (cb_problem_get_entity (problem) == untaught);
    problem = expect_problem (problems, "skill-gap", path2);
    g_assert_true (cb_problem_get_entity (problem) == shallow);
  }
  g_assert_cmpuint (count_code (problems, "skill-gap"), ==, 2);
  g_assert_cmpuint (cb_problems_count (problems, CB_SEVERITY_ERROR), ==, 0);

  /* Taught far enough, the gap closes. */
  cb_entity_set_string (mapping, "level", "mastered");
  g_clear_object (&problems);
  problems = validate (project);
  g_assert_cmpuint (count_code (problems, "skill-gap"), ==, 1);
  expect_clean_after_undo (project);
}

static void
test_co_construction (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *root = CB_ENTITY (project);
  CbEntity *course = test_course (project, 0);
  CbEntity *module = cb_entity_get_child (course, "modules", 0);
  g_autoptr (CbEntity) review = cb_entity_new_with_id (CB_KIND_REVIEW);
  g_autoptr (GListModel) problems = NULL;
  CbProblem *problem;

  g_assert_cmpstr (cb_entity_get_string (module, "status"), ==, "approved");
  g_assert_cmpstr (cb_entity_get_string (cb_entity_get_child (course, "team", 2), "role"), ==, "enterprise-mentor");
  cb_entity_remove_child (course, "team", 2);
  cb_entity_set_string (review, "target", cb_entity_get_id (module));
  cb_entity_set_string (review, "author", PERSON_0);
  cb_entity_set_string (review, "kind", "change-request");
  cb_entity_set_string (review, "status", "open");
  cb_entity_set_string (review, "text", "Please add the new safety standard.");
  cb_entity_append_child (root, "reviews", review);
  problems = validate (project);

  problem = expect_problem (problems, "no-enterprise-expert", "courses[0].team");
  g_assert_true (cb_problem_get_entity (problem) == course);
  problem = expect_problem (problems, "approved-with-open-changes", "courses[0].modules[0].status");
  g_assert_true (cb_problem_get_entity (problem) == module);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 2);

  /* Resolved, the change request no longer holds the approval up. */
  cb_entity_set_string (review, "status", "resolved");
  g_clear_object (&problems);
  problems = validate (project);
  g_assert_cmpuint (count_code (problems, "approved-with-open-changes"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  expect_clean_after_undo (project);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/validator/examples-clean", test_examples_clean);
  g_test_add_func ("/core/validator/wrong-type", test_wrong_type);
  g_test_add_func ("/core/validator/ids", test_ids);
  g_test_add_func ("/core/validator/references", test_references);
  g_test_add_func ("/core/validator/values", test_values);
  g_test_add_func ("/core/validator/objectives-indicators", test_objectives_and_indicators);
  g_test_add_func ("/core/validator/weights", test_weights);
  g_test_add_func ("/core/validator/hours-skills", test_hours_and_skills);
  g_test_add_func ("/core/validator/co-construction", test_co_construction);

  return g_test_run ();
}
