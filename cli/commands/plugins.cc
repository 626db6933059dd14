// Copyright 2026 The okrd Authors.
//
// okrd plugins list: what is registered and where from.
// okrd plugin check PATH: validates a plugin in a forked child, so a plugin
// that crashes is reported instead of taking okrd down.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <optional>
#include <string>

#include "cli/command.h"
#include "cli/plugin_setup.h"
#include "core/example/example_org.h"
#include "plugins/loader/check.h"

namespace okr {
namespace {

Status RunPluginsList(const CliEnv& env, const ParsedFlags& flags) {
  const auto& args = flags.positionals();
  if (args.size() > 1 || (args.size() == 1 && args[0] != "list")) {
    return UsageError::Make("expected 'okrd plugins list'");
  }
  Registry registry = BuildRegistry(env, flags);
  std::FILE* out = env.out;
  std::fprintf(out, "plugins:\n");
  for (const Origin& o : registry.plugins()) {
    std::fprintf(out, "  %-28s %-8s %s  (%s)\n", o.plugin_id.c_str(),
                 o.version.c_str(), o.name.c_str(), o.ToString().c_str());
  }
  std::fprintf(out, "importers:\n");
  for (const auto& e : registry.importers()) {
    std::string exts;
    for (const std::string& x : e.item->extensions()) exts += " " + x;
    std::fprintf(out, "  %-12s%-22s from %s\n", e.item->format().c_str(),
                 exts.c_str(), e.origin.ToString().c_str());
  }
  std::fprintf(out, "outputs:\n");
  for (const auto& e : registry.outputs()) {
    std::fprintf(out, "  %-34s from %s\n", e.item->path().c_str(),
                 e.origin.ToString().c_str());
  }
  std::fprintf(out, "notifiers:\n");
  for (const auto& e : registry.notifiers()) {
    std::fprintf(out, "  %-34s from %s\n", e.origin.plugin_id.c_str(),
                 e.origin.ToString().c_str());
  }
  for (const std::string& n : registry.notes()) {
    std::fprintf(out, "note: %s\n", n.c_str());
  }
  for (const std::string& p : registry.problems()) {
    std::fprintf(out, "refused: %s\n", p.c_str());
  }
  return Status::Ok();
}

// Forwards the child's report; returns its last "step" line.
std::string Forward(int fd, std::FILE* out) {
  std::string all;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)) {
    if (n > 0) all.append(buf, static_cast<size_t>(n));
  }
  std::fputs(all.c_str(), out);
  std::string step;
  for (size_t pos = 0; (pos = all.find("step ", pos)) != std::string::npos;
       ++pos) {
    if (pos == 0 || all[pos - 1] == '\n') {
      step = all.substr(pos + 9, all.find('\n', pos) - pos - 9);
    }
  }
  return step;
}

Status RunPluginCheck(const CliEnv& env, const ParsedFlags& flags) {
  const auto& args = flags.positionals();
  if (args.size() != 2 || args[0] != "check") {
    return UsageError::Make("expected 'okrd plugin check PATH'");
  }
  const std::string& path = args[1];
  OKR_ASSIGN_OR_RETURN(std::optional<double> timeout,
                       flags.GetNumber("timeout"));
  if (timeout && (*timeout < 1 || *timeout > 3600)) {
    return UsageError::Make("--timeout: 1 to 3600 seconds");
  }
  // How long the child may take before it is killed as hanging.
  const unsigned seconds = static_cast<unsigned>(timeout.value_or(60));
  std::fflush(env.out);
  int fds[2];
  if (pipe(fds) != 0) return Internal("pipe: " + std::string(strerror(errno)));
  const pid_t pid = fork();
  if (pid < 0) return Internal("fork: " + std::string(strerror(errno)));
  if (pid == 0) {  // The child: only async-signal-safe exits from here on.
    close(fds[0]);
    // A crash ends the child by its signal, which the parent reports, even
    // when a sanitizer has installed handlers of its own.
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL}) signal(sig, SIG_DFL);
    alarm(seconds);  // A plugin that hangs is killed (SIGALRM).
    std::FILE* report = fdopen(fds[1], "w");
    const int problems =
        report == nullptr
            ? 1
            : CheckPlugin(path, MakeExampleOrganisation(env.clock->Today()),
                          NotifierConfig(env.config), report);
    if (report != nullptr) std::fclose(report);
    _exit(problems > 100 ? 100 : problems);
  }
  close(fds[1]);
  const std::string step = Forward(fds[0], env.out);
  close(fds[0]);
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(wstatus)) {
    const int sig = WTERMSIG(wstatus);
    if (sig == SIGALRM) {
      std::fprintf(env.out,
                   "problem  the plugin did not finish within %u s in: %s\n",
                   seconds, step.c_str());
    } else {
      std::fprintf(env.out,
                   "problem  the plugin crashed (signal %d, %s) in: %s\n", sig,
                   strsignal(sig), step.c_str());
    }
    return Internal("plugin check: " + path +
                    " crashed; it must not be loaded");
  }
  const int problems = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 1;
  if (problems > 0) {
    return InvalidArgument("plugin check: " + path + ": " +
                           std::to_string(problems) + " problem(s)");
  }
  std::fprintf(env.out, "plugin check: %s is fine\n", path.c_str());
  return Status::Ok();
}

}  // namespace

Command MakePluginsCommand() {
  return {.name = "plugins",
          .summary =
              "list the importers, outputs and notifiers, and where "
              "they come from",
          .usage = "okrd plugins list [--plugin PATH]...",
          .details =
              "Lists the built-ins, the plugins in the [plugins] "
              "directory and each --plugin,\nand every plugin that was "
              "refused with the reason.",
          .flags = {PluginFlag()},
          .run = RunPluginsList};
}

Command MakePluginCommand() {
  return {.name = "plugin",
          .summary = "check a plugin file in a separate process",
          .usage = "okrd plugin check PATH [--timeout SECONDS]",
          .details =
              "Loads the plugin in a child process, looks up every "
              "interface, runs its self-test\nand its sample input, "
              "and reports what is wrong; a crash is reported too.\n"
              "Exit status 0 when the plugin is fine.",
          .flags = {{"timeout", true,
                     "kill the check after this long (default 60)", "SECONDS"}},
          .run = RunPluginCheck};
}

}  // namespace okr
