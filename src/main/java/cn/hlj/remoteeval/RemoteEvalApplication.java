package cn.hlj.remoteeval;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

@SpringBootApplication
@EnableAsync
public class RemoteEvalApplication {

    public static void main(String[] args) {
        SpringApplication.run(RemoteEvalApplication.class, args);
    }
}
