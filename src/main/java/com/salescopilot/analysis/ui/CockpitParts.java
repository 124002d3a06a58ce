package com.salescopilot.analysis.ui;

import com.salescopilot.ai.AiProperties;
import com.salescopilot.ai.ModelStatusService;
import com.salescopilot.analysis.AnalysisService;
import com.salescopilot.analysis.FastPathService;
import com.salescopilot.analysis.FastStreams;
import com.salescopilot.analysis.PlaybookService;
import com.salescopilot.analysis.SuggestionVotes;
import com.salescopilot.analysis.push.SessionEventBus;
import java.util.concurrent.ScheduledExecutorService;

/** What the cockpit's analysis components need, handed around as one. */
record CockpitParts(AnalysisService analysis, FastPathService fastPath, FastStreams streams, SessionEventBus bus,
                    SuggestionVotes votes, ModelStatusService modelStatus, AiProperties ai,
                    ScheduledExecutorService ticker, PlaybookService playbooks) {
}
