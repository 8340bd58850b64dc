package cn.hlj.remoteeval.security.internal;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.SealedFormFields;

/**
 * Keeps sealed form fields ({@link SealedFormFields}) out of the engine's history tables, where
 * Cockpit and the engine REST API would show them for years.
 */
@Component
class SealedFormFieldsEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        HistoryEventHandler target = configuration.getHistoryEventHandler() != null
                ? configuration.getHistoryEventHandler()
                : new DbHistoryEventHandler();
        configuration.setHistoryEventHandler(new SealedFieldsFilter(target));
    }

    static final class SealedFieldsFilter implements HistoryEventHandler {

        private final HistoryEventHandler target;

        SealedFieldsFilter(HistoryEventHandler target) {
            this.target = target;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!sealed(event)) {
                target.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }

        static boolean sealed(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable) {
                return SealedFormFields.isSealed(variable.getVariableName());
            }
            if (event instanceof HistoricFormPropertyEventEntity formProperty) {
                return SealedFormFields.isSealed(formProperty.getPropertyId());
            }
            return false;
        }
    }
}
