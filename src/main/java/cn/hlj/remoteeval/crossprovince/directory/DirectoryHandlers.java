package cn.hlj.remoteeval.crossprovince.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeHandler;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;

/** The exchange's handlers of the partners' directories: each keeps what arrived ({@link DirectoryReceiver}). */
@Configuration(proxyBeanMethods = false)
class DirectoryHandlers {

    @Bean
    ExchangeHandler expertDirectoryHandler(DirectoryReceiver receiver) {
        return new Handler(DirectoryKind.EXPERT, receiver);
    }

    @Bean
    ExchangeHandler workstationDirectoryHandler(DirectoryReceiver receiver) {
        return new Handler(DirectoryKind.WORKSTATION, receiver);
    }

    private record Handler(DirectoryKind kind, DirectoryReceiver receiver) implements ExchangeHandler {

        @Override
        public MessageType type() {
            return kind.type();
        }

        @Override
        public void handle(ReceivedMessage message) {
            receiver.receive(kind, message);
        }
    }
}
