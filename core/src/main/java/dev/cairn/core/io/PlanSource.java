package dev.cairn.core.io;

import dev.cairn.core.Event;
import dev.cairn.core.Label;
import dev.cairn.core.Link;
import java.io.IOException;

/**
 * What an import reads, told to a {@link Sink} in a fixed order: labels, nodes, links, events. An import
 * reads its source twice, once to check and once to write, so a source must tell the same both times.
 */
interface PlanSource {
    /** Tells {@code sink} everything, in order; problems of the source itself go to {@code problems}. */
    void replay(Sink sink, Problems problems) throws IOException;

    /** Whether the source carries the history of its nodes; without one, an import records their creation. */
    boolean hasHistory();

    /** Where something was found in a source, for problems and warnings. */
    record Where(String source, int line, String field) {
    }

    /** Receives a source's content. */
    interface Sink {
        void label(Label label, Where where);

        void node(NodeReader.Entry entry, Where where);

        /** All nodes have been told; links follow. */
        void endOfNodes();

        void link(Link link, Where where);

        void event(Event event, Where where);
    }
}
