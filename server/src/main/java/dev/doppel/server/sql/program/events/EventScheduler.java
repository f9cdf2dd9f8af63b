package dev.doppel.server.sql.program.events;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.instance.ServerContext;
import dev.doppel.server.security.Account;
import dev.doppel.server.session.InternalSessions;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.program.ProgramCalls;
import dev.doppel.server.sql.program.Routine;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event scheduler: while event_scheduler is ON, a thread looks every second for the enabled events that are due
 * and runs each in a session of its own as its definer, on the server's session threads. An event that has no run
 * left is dropped, or disabled with ON COMPLETION PRESERVE. Errors go to the error log in MySQL's words.
 */
public final class EventScheduler implements Runnable {
    private final ServerContext server;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** The sessions of the events running now: shutdown stops their statements. */
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean stopping;

    public EventScheduler(ServerContext server) {
        this.server = server;
        this.thread = new Thread(this, "event_scheduler");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public void stop() {
        stopping = true;
        thread.interrupt();
        sessions.forEach(Session::killQuery);
    }

    @Override
    public void run() {
        while (!stopping) {
            try {
                Thread.sleep(1000 - System.currentTimeMillis() % 1000);
            } catch (InterruptedException e) {
                return;
            }
            if (!"ON".equals(String.valueOf(server.variables().globalValue("event_scheduler")))) {
                continue;
            }
            try {
                tick(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
            } catch (RuntimeException | SQLException e) {
                server.log().error(10045, "Event Scheduler: " + e.getMessage());
            }
        }
    }

    private void tick(LocalDateTime now) throws SQLException {
        EventCatalog catalog = server.events();
        for (Event each : catalog.all()) {
            if (!each.status().equals("ENABLED") || running.contains(key(each))) {
                continue;
            }
            LocalDateTime next = EventSchedule.next(each, now);
            if (next == null) {
                complete(each);
            } else if (!next.isAfter(now)) {
                Event started = each.executed(now);
                catalog.save(started);
                // on stable storage before it runs: a power cut does not make it run twice
                server.engine().flush();
                running.add(key(each));
                server.sessionThreads().execute(() -> execute(started, now));
            }
        }
    }

    private void execute(Event event, LocalDateTime now) {
        try {
            Optional<Account> definer = server.accounts().find(event.definerUser(), event.definerHost());
            if (definer.isEmpty()) {
                failed(event, "The user specified as a definer ('" + event.definerUser() + "'@'" + event.definerHost()
                        + "') does not exist");
                return;
            }
            Session session = InternalSessions.open(server, definer.get(), event.schema());
            sessions.add(session);
            try {
                if (!(session.storedPrograms() instanceof ProgramCalls calls)) {
                    throw new IllegalStateException("a session without stored programs");
                }
                calls.runEvent(asRoutine(event));
            } catch (MySqlException e) {
                failed(event, e.getMessage());
            } finally {
                sessions.remove(session);
                InternalSessions.close(session);
            }
            if (EventSchedule.next(event, now) == null) {
                complete(event);
            }
        } catch (RuntimeException | SQLException e) {
            failed(event, String.valueOf(e.getMessage()));
        } finally {
            running.remove(key(event));
        }
    }

    /** No run left: ON COMPLETION NOT PRESERVE drops the event, PRESERVE disables it. */
    private void complete(Event event) throws SQLException {
        Event current = server.events().find(event.schema(), event.name());
        if (current == null) {
            return;
        }
        if (current.preserve()) {
            server.events().save(current.withStatus("DISABLED"));
        } else {
            server.events().drop(current.schema(), current.name());
        }
        server.engine().flush();
    }

    private void failed(Event event, String message) {
        server.log().error(10045, "Event Scheduler: [" + event.definer() + "][" + event.schema() + "." + event.name()
                + "] " + message);
        server.log().note(10048, "Event Scheduler: [" + event.definer() + "].[" + event.schema() + "." + event.name()
                + "] event execution failed.");
    }

    private static Routine asRoutine(Event event) {
        return new Routine(event.schema(), event.name(), "EVENT", event.definerUser(), event.definerHost(), false,
                "CONTAINS SQL", false, event.comment(), "", null, event.body(), event.sqlMode(), event.created(),
                event.lastAltered(), event.characterSetClient(), event.collationConnection(),
                event.databaseCollation());
    }

    private static String key(Event event) {
        return event.schema() + "." + event.name().toLowerCase(java.util.Locale.ROOT);
    }
}
