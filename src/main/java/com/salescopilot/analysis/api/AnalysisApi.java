package com.salescopilot.analysis.api;

import com.salescopilot.analysis.AnalysisService;
import com.salescopilot.analysis.AnalysisState;
import com.salescopilot.analysis.FastPathService;
import com.salescopilot.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/interactions")
@Tag(name = "Analysis")
class AnalysisApi {

    private final AnalysisService analysis;
    private final FastPathService fastPath;
    private final CurrentUser currentUser;

    AnalysisApi(AnalysisService analysis, FastPathService fastPath, CurrentUser currentUser) {
        this.analysis = analysis;
        this.fastPath = fastPath;
        this.currentUser = currentUser;
    }

    @PostMapping("/{id}/analysis/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Queue the failed analysis of this interaction's session again (409 if it has not failed)")
    Map<String, Object> retry(@PathVariable long id) {
        return AnalysisJson.state(analysis.retry(currentUser.require(), id));
    }

    @PostMapping("/{id}/fast/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Stop the fast answer that is being generated for this interaction")
    void cancel(@PathVariable long id) {
        fastPath.cancel(currentUser.require(), id);
    }

}
