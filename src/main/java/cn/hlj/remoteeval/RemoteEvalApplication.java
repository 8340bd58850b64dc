package cn.hlj.remoteeval;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

@SpringBootApplication
@EnableAsync
public class RemoteEvalApplication {

    /** The province's wall clock; DATETIME columns are written and read in the JVM's zone. */
    public static final String ZONE = "Asia/Shanghai";

    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
        SpringApplication.run(RemoteEvalApplication.class, args);
    }
}
