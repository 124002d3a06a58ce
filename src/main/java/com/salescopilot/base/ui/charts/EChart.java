package com.salescopilot.base.ui.charts;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An Apache ECharts chart as a plain Vaadin component, without a frontend bundle (decisions 0003 and
 * 0006): the library comes from the {@code org.webjars.npm:echarts} webjar (served at
 * {@code /webjars/**}), is added to the page with {@code Page.addJavaScript}, and is driven by
 * {@code executeJs} with an option built in Java ({@link ChartOption}).
 * <ul>
 * <li>resizes with its container (a {@code ResizeObserver}), so it works in tabs, details and flex
 * layouts whose size changes;</li>
 * <li>uses the theme's colours: {@link LumoColor} tokens in the option are resolved in the browser,
 * and the text uses the page's font and secondary text colour;</li>
 * <li>has a text alternative for screen readers ({@code role="img"} and {@code aria-label}, see
 * {@link #setTextAlternative});</li>
 * <li>re-renders whenever {@link #setOption} is called (also from a push update through
 * {@code UI.access}), and disposes the chart when the component is detached;</li>
 * <li>tooltips are drawn on the canvas ({@code renderMode: richText}), so no text of the option is
 * ever interpreted as HTML.</li>
 * </ul>
 */
public class EChart extends Div {

    /** Where the webjar puts the library (Spring Boot serves {@code META-INF/resources/webjars}). */
    public static final String SCRIPT = "context://webjars/echarts/5.3.1/dist/echarts.min.js";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** Creates (or updates) the chart of {@code this}; $0 = option JSON, $1 = chart id. */
    private static final String RENDER = """
            const el = this, json = $0, id = $1, w = window;
            if (!w.copilotCharts) {
              w.copilotCharts = {
                charts: {},
                color(host, token) {
                  const m = /^(var\\(--[\\w-]+\\))(?:@([\\d.]+))?$/.exec(token);
                  if (!m) { return token; }
                  const probe = document.createElement('span');
                  probe.style.color = m[1];
                  probe.style.display = 'none';
                  host.appendChild(probe);
                  const css = getComputedStyle(probe).color;
                  probe.remove();
                  const ctx = this.ctx || (this.ctx = document.createElement('canvas').getContext('2d', {willReadFrequently: true}));
                  ctx.clearRect(0, 0, 1, 1);
                  ctx.fillStyle = '#000';
                  ctx.fillStyle = css;
                  ctx.fillRect(0, 0, 1, 1);
                  const d = ctx.getImageData(0, 0, 1, 1).data;
                  const alpha = (d[3] / 255) * (m[2] ? parseFloat(m[2]) : 1);
                  return 'rgba(' + d[0] + ',' + d[1] + ',' + d[2] + ',' + alpha.toFixed(3) + ')';
                },
                resolve(host, value) {
                  if (typeof value === 'string') { return value.startsWith('var(--') ? this.color(host, value) : value; }
                  if (Array.isArray(value)) { return value.map(v => this.resolve(host, v)); }
                  if (value && typeof value === 'object') {
                    const out = {};
                    for (const k of Object.keys(value)) { out[k] = this.resolve(host, value[k]); }
                    return out;
                  }
                  return value;
                },
                dispose(id) {
                  const entry = this.charts[id];
                  if (entry) {
                    entry.observer.disconnect();
                    entry.chart.dispose();
                    delete this.charts[id];
                  }
                },
                render(host, id, json) {
                  let entry = this.charts[id];
                  if (entry && entry.el !== host) { this.dispose(id); entry = null; }
                  if (!entry) {
                    const chart = echarts.init(host, null, {renderer: 'canvas'});
                    const observer = new ResizeObserver(() => chart.resize());
                    observer.observe(host);
                    chart.on('click', p => host.dispatchEvent(new CustomEvent('chart-click', {detail: {
                      seriesIndex: p.seriesIndex == null ? -1 : p.seriesIndex,
                      dataIndex: p.dataIndex == null ? -1 : p.dataIndex,
                      name: p.name == null ? '' : String(p.name)}})));
                    entry = this.charts[id] = {chart, observer, el: host};
                  }
                  const option = this.resolve(host, JSON.parse(json));
                  const cs = getComputedStyle(host);
                  option.textStyle = Object.assign({fontFamily: cs.fontFamily,
                      color: this.color(host, 'var(--lumo-secondary-text-color)')}, option.textStyle || {});
                  entry.chart.setOption(option, true);
                  host.setAttribute('data-rendered', 'true');
                }
              };
            }
            const started = Date.now();
            const go = () => {
              if (!el.isConnected) { return; }
              if (!w.echarts) {
                if (Date.now() - started < 15000) { setTimeout(go, 50); } else { console.warn('ECharts did not load'); }
                return;
              }
              w.copilotCharts.render(el, id, json);
            };
            go();
            """;

    private final String chartId = "echart-" + SEQUENCE.incrementAndGet();
    private String optionJson;

    public EChart() {
        addClassName("echart");
        getElement().setAttribute("role", "img");
        getElement().setAttribute("data-chart-id", chartId);
        getElement().addEventListener("chart-click", e -> fireEvent(new ChartClickEvent(this,
                        (int) e.getEventData().get("event.detail.seriesIndex").asDouble(),
                        (int) e.getEventData().get("event.detail.dataIndex").asDouble(),
                        e.getEventData().get("event.detail.name").asString())))
                .addEventData("event.detail.seriesIndex")
                .addEventData("event.detail.dataIndex")
                .addEventData("event.detail.name");
    }

    /** Shows this option (replacing the previous one); drawn as soon as the component is attached. */
    public void setOption(ChartOption option) {
        setOptionJson(option.toJson());
    }

    /** Shows an option given as ECharts JSON. */
    public void setOptionJson(String json) {
        this.optionJson = json;
        render();
    }

    public String getOptionJson() {
        return optionJson;
    }

    /** What a screen reader says instead of the picture: the chart's content in words. */
    public void setTextAlternative(String text) {
        getElement().setAttribute("aria-label", text == null ? "" : text);
        getElement().setAttribute("title", text == null ? "" : text);
    }

    public String getTextAlternative() {
        return getElement().getAttribute("aria-label");
    }

    /** A click on a data item (a bar, a point, a sector). */
    public Registration addChartClickListener(ComponentEventListener<ChartClickEvent> listener) {
        return addListener(ChartClickEvent.class, listener);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().addJavaScript(SCRIPT);
        render();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().getPage().executeJs("if (window.copilotCharts) { window.copilotCharts.dispose($0); }",
                chartId);
        super.onDetach(detachEvent);
    }

    private void render() {
        if (optionJson != null && isAttached()) {
            getElement().executeJs(RENDER, optionJson, chartId);
        }
    }

    /** A click on an item of the chart: which series, which item, and the item's name. */
    public static class ChartClickEvent extends ComponentEvent<EChart> {

        private final int seriesIndex;
        private final int dataIndex;
        private final String name;

        public ChartClickEvent(EChart source, int seriesIndex, int dataIndex, String name) {
            super(source, true);
            this.seriesIndex = seriesIndex;
            this.dataIndex = dataIndex;
            this.name = name;
        }

        public int seriesIndex() {
            return seriesIndex;
        }

        public int dataIndex() {
            return dataIndex;
        }

        public String name() {
            return name;
        }
    }
}
