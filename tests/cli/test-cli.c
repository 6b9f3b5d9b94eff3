/* test-cli.c: coursebridge-cli, driven as a user would drive it
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spawns the command-line tool named by $COURSEBRIDGE_CLI and checks its
 * exit status, its output and the files it leaves behind. Exit status:
 * 0 all well, 1 errors found, 2 could not run.
 */

#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

typedef struct
{
  char *dir;  /* a fresh temporary directory, removed afterwards */
} Fixture;

typedef struct
{
  int status;  /* exit status, or -1 when killed by a signal */
  char *out;
  char *err;
} Run;

static const char *cli_path;
static const char *examples[] = { "robotics-en.coursebridge", "robotics-zh.coursebridge" };

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs the CLI with @args (NULL-terminated, without argv[0]) in @cwd.
 * @env_overrides is a NULL-terminated list of NAME, VALUE pairs; a NULL
 * value is not allowed, use "" instead. */
static void
run_cli_full (Run                *run,
              const char         *cwd,
              const char * const *env_overrides,
              const char * const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) cli_path);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  /* In a -Db_sanitize=undefined build, undefined behaviour must stop the
   * tool rather than scroll past on its stderr. */
  envp = g_environ_setenv (envp, "UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1:abort_on_error=1", FALSE);
  for (guint i = 0; env_overrides && env_overrides[i]; i += 2)
    envp = g_environ_setenv (envp, env_overrides[i], env_overrides[i + 1], TRUE);

  memset (run, 0, sizeof *run);
  g_spawn_sync (cwd, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (g_spawn_check_wait_status (wait_status, &error))
    run->status = 0;
  else if (error->domain == G_SPAWN_EXIT_ERROR)
    run->status = error->code;
  else
    g_error ("%s did not exit normally: %s\nstderr:\n%s", cli_path, error->message, run->err);
  if (g_test_verbose ())
    g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", run->status, run->out, run->err);

  /* A sanitizer's report on stderr is a failure whatever the exit status. */
  if (strstr (run->err, "runtime error:") != NULL || strstr (run->err, "Sanitizer") != NULL)
    g_error ("%s reported a sanitizer error:\n%s", cli_path, run->err);
}

#define run_cli(run, cwd, ...) \
  G_STMT_START { \
    const char *_args[] = { __VA_ARGS__, NULL }; \
    run_cli_full ((run), (cwd), NULL, _args); \
  } G_STMT_END

/* Parses @text (the output of --json) and returns its root object. */
static JsonNode *
parse_json_output (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_steal_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return root;
}

static char *
example_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
assert_same_bytes (const char *path_a,
                   const char *path_b)
{
  g_autoptr (GBytes) a = read_bytes (path_a);
  g_autoptr (GBytes) b = read_bytes (path_b);

  if (!g_bytes_equal (a, b))
    {
      g_autofree char *message = g_strdup_printf ("%s (%" G_GSIZE_FORMAT " bytes) differs from "
                                                  "%s (%" G_GSIZE_FORMAT " bytes)",
                                                  path_a, g_bytes_get_size (a),
                                                  path_b, g_bytes_get_size (b));
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
    }
}

/* Loads an example with json-glib, lets @edit change it and writes it to
 * @dir/@name (json-glib's layout: the result is valid JSON, not canonical). */
static char *
write_edited_example (const char *dir,
                      const char *example,
                      const char *name,
                      void      (*edit) (JsonObject *root))
{
  g_autofree char *source = example_path (example);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  json_parser_load_from_file (parser, source, &error);
  g_assert_no_error (error);
  if (edit)
    edit (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 4);
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
  return path;
}

static JsonObject *
first_course (JsonObject *root)
{
  return json_array_get_object_element (json_object_get_array_member (root, "courses"), 0);
}

/* Finds the problem with @code and @path in validate --json output. */
static JsonObject *
find_problem (JsonObject *report,
              const char *code,
              const char *path)
{
  JsonArray *problems = json_object_get_array_member (report, "problems");

  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      JsonObject *problem = json_array_get_object_element (problems, i);

      if (g_strcmp0 (json_object_get_string_member (problem, "code"), code) == 0 &&
          (path == NULL || g_strcmp0 (json_object_get_string_member (problem, "path"), path) == 0))
        return problem;
    }
  return NULL;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cb-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* help */

static void
test_help (void)
{
  Run run;

  run_cli (&run, NULL, "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Usage: coursebridge-cli COMMAND"));
  for (guint i = 0; i < 5; i++)
    {
      static const char *commands[] = { "new", "info", "validate", "normalize", "bench" };
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);

      g_assert_nonnull (strstr (run.out, line));
    }
  run_clear (&run);

  run_cli (&run, NULL, "help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Usage: coursebridge-cli COMMAND"));
  run_clear (&run);

  run_cli (&run, NULL, "--version");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "coursebridge-cli "));
  run_clear (&run);

  /* No command at all: usage on stderr, cannot run. */
  {
    const char *no_args[] = { NULL };

    run_cli_full (&run, NULL, NULL, no_args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "Usage: coursebridge-cli COMMAND"));
    run_clear (&run);
  }
}

static void
test_command_help (gconstpointer data)
{
  const char *command = data;
  g_autofree char *usage = g_strdup_printf ("coursebridge-cli %s [OPTION", command);
  Run run;

  run_cli (&run, NULL, command, "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Usage:"));
  g_assert_nonnull (strstr (run.out, usage));
  g_assert_nonnull (strstr (run.out, "--help"));
  run_clear (&run);

  /* An unknown option is a usage error. */
  run_cli (&run, NULL, command, "--no-such-option");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, !=, "");
  run_clear (&run);
}

static void
test_unknown_command (void)
{
  Run run;

  run_cli (&run, NULL, "frobnicate");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  g_assert_nonnull (strstr (run.err, "Usage: coursebridge-cli COMMAND"));
  run_clear (&run);
}

static void
test_missing_arguments (void)
{
  Run run;

  for (guint i = 0; i < 3; i++)
    {
      static const char *commands[] = { "info", "validate", "new" };

      run_cli (&run, NULL, commands[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, "Usage:"));
      run_clear (&run);

      run_cli (&run, NULL, commands[i], "a.coursebridge", "b.coursebridge");
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      run_clear (&run);
    }
}

/* new */

static void
test_new (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.coursebridge", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.coursebridge", NULL);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GBytes) bytes = NULL;
  JsonObject *info;
  const char *text;
  gsize size;
  Run run;

  run_cli (&run, NULL, "new", path, "--title", "T", "--language", "zh-CN");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  run_clear (&run);

  /* Canonical: LF line ends, final newline, two-space indentation. */
  bytes = read_bytes (path);
  text = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >, 2);
  g_assert_cmpint (text[size - 1], ==, '\n');
  g_assert_null (memchr (text, '\r', size));
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"coursebridge-project\",\n"));

  run_cli (&run, NULL, "validate", path);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run_cli (&run, NULL, "info", "--json", path);
  g_assert_cmpint (run.status, ==, 0);
  node = parse_json_output (run.out);
  info = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (info, "title"), ==, "T");
  g_assert_cmpstr (json_object_get_string_member (info, "language"), ==, "zh-CN");
  g_assert_cmpint (json_object_get_int_member (info, "format_version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (info, "errors"), ==, 0);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (info, "id")));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (info, "counts"), "courses"), ==, 0);
  run_clear (&run);

  /* A new file is already in canonical form. */
  run_cli (&run, NULL, "normalize", path, "-o", copy);
  g_assert_cmpint (run.status, ==, 0);
  assert_same_bytes (path, copy);
  run_clear (&run);

  /* Human-readable info names the title. */
  run_cli (&run, NULL, "info", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "T\n"));
  g_assert_nonnull (strstr (run.out, "zh-CN"));
  run_clear (&run);
}

static void
test_new_defaults (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "default.coursebridge", NULL);
  g_autoptr (JsonNode) node = NULL;
  JsonObject *info;
  Run run;

  run_cli (&run, NULL, "new", path);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run_cli (&run, NULL, "info", "--json", path);
  g_assert_cmpint (run.status, ==, 0);
  node = parse_json_output (run.out);
  info = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (info, "language"), ==, "en");
  g_assert_cmpstr (json_object_get_string_member (info, "title"), !=, "");
  run_clear (&run);
}

static void
test_new_existing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "existing.coursebridge", NULL);
  g_autofree char *contents = NULL;
  static const char original[] = "not a project, but mine\n";
  Run run;

  write_file (path, original, -1);

  run_cli (&run, NULL, "new", path, "--title", "T");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--force"));
  run_clear (&run);

  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, original);
  g_clear_pointer (&contents, g_free);

  /* --force replaces it. */
  run_cli (&run, NULL, "new", "--force", path, "--title", "T");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run_cli (&run, NULL, "validate", path);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
}

/* validate */

static void
test_validate_examples (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = example_path (examples[i]);
      g_autoptr (JsonNode) node = NULL;
      JsonObject *report;
      Run run;

      run_cli (&run, NULL, "validate", path);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_str_has_suffix (run.out, ": 0 errors, 0 warnings\n"));
      run_clear (&run);

      run_cli (&run, NULL, "validate", "--json", path);
      g_assert_cmpint (run.status, ==, 0);
      node = parse_json_output (run.out);
      report = json_node_get_object (node);
      g_assert_cmpstr (json_object_get_string_member (report, "file"), ==, path);
      g_assert_cmpint (json_object_get_int_member (report, "errors"), ==, 0);
      g_assert_cmpint (json_object_get_int_member (report, "warnings"), ==, 0);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "problems")), ==, 0);
      run_clear (&run);
      g_clear_pointer (&node, json_node_unref);

      run_cli (&run, NULL, "info", "--json", path);
      g_assert_cmpint (run.status, ==, 0);
      node = parse_json_output (run.out);
      report = json_node_get_object (node);
      g_assert_cmpint (json_object_get_int_member (report, "format_version"), ==, 1);
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (report, "counts"), "courses"), >, 0);
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (report, "counts"), "module_skills"), >, 0);
      g_assert_cmpint (json_object_get_int_member (report, "errors"), ==, 0);
      g_assert_cmpint (json_object_get_int_member (report, "warnings"), ==, 0);
      run_clear (&run);
    }
}

static void
make_dangling (JsonObject *root)
{
  JsonObject *module = json_array_get_object_element (json_object_get_array_member (first_course (root), "modules"), 0);
  JsonObject *mapping = json_array_get_object_element (json_object_get_array_member (module, "skills"), 0);

  json_object_set_string_member (mapping, "skill", "00000000-0000-4000-8000-000000000000");
}

static void
test_validate_dangling (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = write_edited_example (fixture->dir, examples[0], "dangling.coursebridge",
                                                make_dangling);
  g_autoptr (JsonNode) node = NULL;
  JsonObject *report, *problem;
  Run run;

  run_cli (&run, NULL, "validate", "--json", path);
  g_assert_cmpint (run.status, ==, 1);
  node = parse_json_output (run.out);
  report = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (report, "errors"), ==, 1);
  problem = find_problem (report, "dangling-reference", "courses[0].modules[0].skills[0].skill");
  g_assert_nonnull (problem);
  g_assert_cmpstr (json_object_get_string_member (problem, "severity"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (problem, "message"), !=, "");
  run_clear (&run);

  run_cli (&run, NULL, "validate", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, ": error: courses[0].modules[0].skills[0].skill: "));
  g_assert_true (g_str_has_suffix (run.out, ": 1 error, 0 warnings\n") ||
                 strstr (run.out, ": 1 error, ") != NULL);
  run_clear (&run);

  run_cli (&run, NULL, "validate", "--quiet", path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_null (strstr (run.out, "courses[0]"));
  run_clear (&run);

  /* info reports the count but succeeds: the file could be read. */
  g_clear_pointer (&node, json_node_unref);
  run_cli (&run, NULL, "info", "--json", path);
  g_assert_cmpint (run.status, ==, 0);
  node = parse_json_output (run.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "errors"), ==, 1);
  run_clear (&run);
}

static void
make_weights_off (JsonObject *root)
{
  JsonObject *assessment = json_array_get_object_element (json_object_get_array_member (first_course (root), "assessments"), 0);

  json_object_set_int_member (assessment, "weight", json_object_get_int_member (assessment, "weight") + 5);
}

static void
test_validate_warnings (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = write_edited_example (fixture->dir, examples[1], "warnings.coursebridge",
                                                make_weights_off);
  g_autoptr (JsonNode) node = NULL;
  JsonObject *report, *problem;
  Run run;

  run_cli (&run, NULL, "validate", "--json", path);
  g_assert_cmpint (run.status, ==, 0);
  node = parse_json_output (run.out);
  report = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (report, "errors"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "warnings"), >, 0);
  problem = find_problem (report, "assessment-weights", NULL);
  g_assert_nonnull (problem);
  g_assert_cmpstr (json_object_get_string_member (problem, "severity"), ==, "warning");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (problem, "path"), "courses[0]"));
  run_clear (&run);

  run_cli (&run, NULL, "validate", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, ": warning: courses[0]"));
  run_clear (&run);
}

static JsonObject *
expect_load_error (Run        *run,
                   JsonNode  **node,
                   const char *path,
                   const char *code)
{
  JsonObject *error;

  run_cli (run, NULL, "validate", "--json", path);
  g_assert_cmpint (run->status, ==, 2);
  *node = parse_json_output (run->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (*node), "file"), ==, path);
  error = json_object_get_object_member (json_node_get_object (*node), "error");
  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  g_assert_cmpstr (json_object_get_string_member (error, "message"), !=, "");
  return error;
}

static void
test_validate_invalid_json (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "broken.coursebridge", NULL);
  g_autoptr (JsonNode) node = NULL;
  JsonObject *error;
  Run run;

  write_file (path,
              "{\n"
              "  \"format\": \"coursebridge-project\",\n"
              "  \"format_version\": 1,\n"
              "  \"title\": 'single quotes'\n"
              "}\n", -1);

  error = expect_load_error (&run, &node, path, "invalid-json");
  g_assert_cmpint (json_object_get_int_member (error, "line"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (error, "column"), ==, 12);
  run_clear (&run);
  g_clear_pointer (&node, json_node_unref);

  /* Without --json: a located message on stderr, nothing on stdout. */
  run_cli (&run, NULL, "validate", path);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, path));
  g_assert_nonnull (strstr (run.err, "4"));
  run_clear (&run);

  /* Not JSON at all. */
  write_file (path, "title = robotics\n", -1);
  error = expect_load_error (&run, &node, path, "invalid-json");
  g_assert_cmpint (json_object_get_int_member (error, "line"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (error, "column"), ==, 1);
  run_clear (&run);
  g_clear_pointer (&node, json_node_unref);

  /* Trailing data after the root value. */
  write_file (path, "{\"format\": \"coursebridge-project\", \"format_version\": 1}\n{}\n", -1);
  error = expect_load_error (&run, &node, path, "invalid-json");
  g_assert_cmpint (json_object_get_int_member (error, "line"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (error, "column"), ==, 1);
  run_clear (&run);
}

static void
test_validate_not_a_project (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "other.json", NULL);
  g_autoptr (JsonNode) node = NULL;
  Run run;

  write_file (path, "{\"format\": \"something-else\", \"format_version\": 1}\n", -1);
  expect_load_error (&run, &node, path, "not-a-project");
  run_clear (&run);
}

static void
test_validate_newer (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *source = example_path (examples[0]);
  g_autofree char *path = g_build_filename (fixture->dir, "future.coursebridge", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GString) edited = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (JsonNode) node = NULL;
  Run run;

  g_file_get_contents (source, &contents, NULL, NULL);
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "\"format_version\": 1,", "\"format_version\": 99,", 1), ==, 1);
  write_file (path, edited->str, edited->len);
  before = read_bytes (path);

  expect_load_error (&run, &node, path, "newer-version");
  run_clear (&run);

  run_cli (&run, NULL, "info", path);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "99"));
  run_clear (&run);

  /* Normalising it in place must refuse and leave it as it is. */
  run_cli (&run, NULL, "normalize", path, "-o", path);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_validate_missing (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-file.coursebridge", NULL);
  g_autoptr (JsonNode) node = NULL;
  Run run;

  expect_load_error (&run, &node, path, "unreadable");
  run_clear (&run);

  run_cli (&run, NULL, "validate", path);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, !=, "");
  run_clear (&run);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* normalize */

static void
test_normalize_identity (Fixture       *fixture,
                         gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *source = example_path (examples[i]);
      g_autofree char *out = g_build_filename (fixture->dir, examples[i], NULL);
      Run run;

      run_cli (&run, NULL, "normalize", source, "-o", out);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.out, ==, "");
      run_clear (&run);
      assert_same_bytes (out, source);
    }
}

/* Doubles the indentation of every line (2 → 4 spaces) and swaps the
 * top-level "id" and "title" lines: the same project, not canonical. */
static char *
reindent_and_reorder (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);
  int id_line = -1, title_line = -1;

  for (guint i = 0; lines[i]; i++)
    {
      if (g_str_has_prefix (lines[i], "  \"id\": ") && id_line < 0)
        id_line = i;
      else if (g_str_has_prefix (lines[i], "  \"title\": ") && title_line < 0)
        title_line = i;
    }
  g_assert_cmpint (id_line, >, 0);
  g_assert_cmpint (title_line, >, 0);
  g_assert_true (g_str_has_suffix (lines[id_line], ","));
  g_assert_true (g_str_has_suffix (lines[title_line], ","));
  {
    char *swap = lines[id_line];

    lines[id_line] = lines[title_line];
    lines[title_line] = swap;
  }

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      gsize indent = strspn (line, " ");

      if (i > 0)
        g_string_append_c (out, '\n');
      for (gsize j = 0; j < indent * 2; j++)
        g_string_append_c (out, ' ');
      g_string_append (out, line + indent);
    }
  return g_string_free (out, FALSE);
}

static void
test_normalize_canonical (Fixture       *fixture,
                          gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *source = example_path (examples[i]);
      g_autofree char *name = g_strconcat ("messy-", examples[i], NULL);
      g_autofree char *messy = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *out = g_build_filename (fixture->dir, "canonical.coursebridge", NULL);
      g_autofree char *contents = NULL;
      g_autofree char *edited = NULL;
      g_autofree char *regenerated = NULL;
      Run run;

      g_file_get_contents (source, &contents, NULL, NULL);
      edited = reindent_and_reorder (contents);
      g_assert_cmpstr (edited, !=, contents);
      write_file (messy, edited, -1);

      run_cli (&run, NULL, "normalize", messy, "-o", out);
      g_assert_cmpint (run.status, ==, 0);
      run_clear (&run);
      assert_same_bytes (out, source);

      /* In place (-o FILE itself). */
      run_cli (&run, NULL, "normalize", messy, "-o", messy);
      g_assert_cmpint (run.status, ==, 0);
      run_clear (&run);
      assert_same_bytes (messy, source);

      /* json-glib's layout: " : " separators and numbers written with
       * 17 significant digits (29.6 → 29.600000000000001). */
      regenerated = write_edited_example (fixture->dir, examples[i], "regenerated.coursebridge", NULL);
      run_cli (&run, NULL, "normalize", regenerated, "-o", out);
      g_assert_cmpint (run.status, ==, 0);
      run_clear (&run);
      assert_same_bytes (out, source);
    }
}

static void
test_normalize_needs_output (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *source = example_path (examples[0]);
  Run run;

  run_cli (&run, NULL, "normalize", source);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "-o"));
  run_clear (&run);
}

static void
test_normalize_unreadable (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "broken.coursebridge", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "out.coursebridge", NULL);
  Run run;

  write_file (path, "{ \"format\": ", -1);
  run_cli (&run, NULL, "normalize", path, "-o", out);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, !=, "");
  run_clear (&run);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* translations */

static gboolean
have_locale (const char *wanted)
{
  const char *argv[] = { "locale", "-a", NULL };
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return FALSE;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_ascii_strcasecmp (lines[i], wanted) == 0)
      return TRUE;
  return FALSE;
}

/* The CLI binds its text domain to the install prefix's locale directory
 * (LOCALEDIR), so the catalogue built in the build tree cannot be used
 * from here. This test runs only where the project has been installed. */
static void
test_translated (void)
{
  const char *localedir = g_getenv ("COURSEBRIDGE_LOCALEDIR");
  g_autofree char *catalogue = NULL;
  const char *env[] = { "LANGUAGE", "zh_CN", "LC_ALL", "zh_CN.UTF-8", NULL };
  const char *args[] = { "--help", NULL };
  g_autofree char *english = NULL;
  Run run;

  if (!have_locale ("zh_CN.utf8"))
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not available (locale -a)");
      return;
    }
  if (localedir == NULL)
    {
      g_test_skip ("COURSEBRIDGE_LOCALEDIR is not set");
      return;
    }
  catalogue = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", "coursebridge.mo", NULL);
  if (!g_file_test (catalogue, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the Chinese catalogue is not installed in LOCALEDIR; "
                   "the CLI cannot use the one in the build tree");
      return;
    }

  run_cli (&run, NULL, "--help");
  english = g_steal_pointer (&run.out);
  run_clear (&run);

  run_cli_full (&run, NULL, env, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, !=, english);
  g_assert_null (strstr (run.out, "Create a new, empty project"));
  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  static const char *commands[] = { "new", "info", "validate", "normalize", "bench" };

  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("COURSEBRIDGE_CLI");
  if (cli_path == NULL || !g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("Set COURSEBRIDGE_CLI to the coursebridge-cli executable.\n");
      return 77;
    }

  g_test_add_func ("/cli/help", test_help);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cli/help/%s", commands[i]);

      g_test_add_data_func (name, commands[i], test_command_help);
    }
  g_test_add_func ("/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/cli/missing-arguments", test_missing_arguments);
  g_test_add ("/cli/new/create", Fixture, NULL, fixture_setup, test_new, fixture_teardown);
  g_test_add ("/cli/new/defaults", Fixture, NULL, fixture_setup, test_new_defaults, fixture_teardown);
  g_test_add ("/cli/new/existing", Fixture, NULL, fixture_setup, test_new_existing, fixture_teardown);
  g_test_add_func ("/cli/validate/examples", test_validate_examples);
  g_test_add ("/cli/validate/dangling-reference", Fixture, NULL, fixture_setup,
              test_validate_dangling, fixture_teardown);
  g_test_add ("/cli/validate/warnings-only", Fixture, NULL, fixture_setup,
              test_validate_warnings, fixture_teardown);
  g_test_add ("/cli/validate/invalid-json", Fixture, NULL, fixture_setup,
              test_validate_invalid_json, fixture_teardown);
  g_test_add ("/cli/validate/not-a-project", Fixture, NULL, fixture_setup,
              test_validate_not_a_project, fixture_teardown);
  g_test_add ("/cli/validate/newer-version", Fixture, NULL, fixture_setup,
              test_validate_newer, fixture_teardown);
  g_test_add ("/cli/validate/missing-file", Fixture, NULL, fixture_setup,
              test_validate_missing, fixture_teardown);
  g_test_add ("/cli/normalize/identity", Fixture, NULL, fixture_setup,
              test_normalize_identity, fixture_teardown);
  g_test_add ("/cli/normalize/canonical", Fixture, NULL, fixture_setup,
              test_normalize_canonical, fixture_teardown);
  g_test_add ("/cli/normalize/needs-output", Fixture, NULL, fixture_setup,
              test_normalize_needs_output, fixture_teardown);
  g_test_add ("/cli/normalize/unreadable", Fixture, NULL, fixture_setup,
              test_normalize_unreadable, fixture_teardown);
  g_test_add_func ("/cli/translated", test_translated);

  return g_test_run ();
}
